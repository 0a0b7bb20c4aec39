// What a timed `parallel` run pays for the run before it, and whether waking the pool's threads
// untimed first (LabPool.wake) removes it. Granularity's workload (16384 units in tasks of 64 by
// default) is timed right after a ~300 ms sequential run or right after another parallel run, with
// each way of waking the pool. The conditions take turns in a balanced order (balanced-order.ts) for
// several rounds; printed per condition as median [quartiles] of the rounds, in µs per task: wall
// time / tasks, and the threads' time outside tasks (wall x threads - the steps' time) / tasks; then
// the penalty (after sequential - after parallel), taken round by round so that the machine's drift
// cancels: its median, the 95% interval of that median, and Wilcoxon's signed-rank p (is it zero?).
// On a shared machine read the load printed before and after.
// Usage: npx tsx scripts/wake-penalty.ts [--rounds=16] [--total=16384] [--units=64] [--wakes=none,wake,touch:32]
//   none: nothing between the two runs; wake: LabPool.wake(); touch:N: every thread at once runs N kernel units.
import { usableCores } from '../src/runtime/cores.ts';
import { readFileSync } from 'node:fs';
import { balancedRounds } from '../src/measure/balanced-order.ts';
import { medianInterval } from '../src/measure/median-interval.ts';
import { wilcoxonSignedRank } from '../src/measure/wilcoxon-signed-rank.ts';
import { runMode, type RunResult } from '../src/modes/index.ts';
import { LabPool } from '../src/runtime/pool.ts';
import { splitWorkWorkload } from '../src/workload/presets.ts';

const flag = (name: string, fallback: string): string => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const rounds = Number(flag('rounds', '16'));
const totalUnits = Number(flag('total', '16384'));
const unitsPerTask = Number(flag('units', '64'));
const wakes = flag('wakes', 'none,wake').split(',');
const load = (): string => readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ');

const workload = splitWorkWorkload({ totalUnits, unitsPerTask });
const tasks = workload.tasks.length;
const pool = await LabPool.start({ threads: usableCores() });

async function wakeBy(how: string): Promise<void> {
  if (how === 'wake') await pool.wake();
  else if (how.startsWith('touch:')) await pool.kernelUsPerUnit(Number(how.slice('touch:'.length)));
  else if (how !== 'none') throw new RangeError(`--wakes: unknown "${how}"`);
}

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  return s[Math.floor(at)]! + (s[Math.ceil(at)]! - s[Math.floor(at)]!) * (at - Math.floor(at));
}
const fmt = (xs: readonly number[]): string => `${quantile(xs, 0.5).toFixed(1)} [${quantile(xs, 0.25).toFixed(1)} to ${quantile(xs, 0.75).toFixed(1)}]`;
const outside = (run: RunResult): number => ((run.wallMs * run.threads - run.trace.reduce((sum, e) => sum + (e.end - e.start), 0)) * 1000) / tasks;

try {
  // A sequential run of about 300 ms (the median of three probes of the timed workload, scaled).
  const probes: number[] = [];
  for (let i = 0; i < 3; i++) probes.push((await runMode('sequential', workload, { pool })).wallMs);
  const long = splitWorkWorkload({ totalUnits: Math.round((totalUnits * 300) / quantile(probes, 0.5)), unitsPerTask });
  const conditions = wakes.flatMap((wake) => (['sequential', 'parallel'] as const).map((before) => ({ before, wake })));
  const wall = conditions.map((): number[] => []);
  const idle = conditions.map((): number[] => []);
  const loadBefore = load();
  // One untimed pass of every condition first (JIT, caches).
  for (const c of conditions) await runMode(c.before, c.before === 'sequential' ? long : workload, { pool }).then(() => runMode('parallel', workload, { pool }));
  const order = balancedRounds(conditions.length);
  for (let round = 0; round < rounds; round++) {
    for (const i of order[round % order.length]!) {
      const c = conditions[i]!;
      await runMode(c.before, c.before === 'sequential' ? long : workload, { pool });
      await wakeBy(c.wake);
      const timed = await runMode('parallel', workload, { pool });
      wall[i]!.push((timed.wallMs * 1000) / tasks);
      idle[i]!.push(outside(timed));
    }
  }
  console.log(`${pool.threads} threads, ${tasks} tasks of ${unitsPerTask} units; ~300 ms sequential before = ${long.tasks.length} tasks; ${rounds} rounds; load (1, 5, 15 min) before ${loadBefore}, after ${load()}`);
  console.log('timed parallel run, µs per task, median [quartiles]:       wall / tasks                 threads outside tasks');
  conditions.forEach((c, i) => console.log(`  after ${c.before.padEnd(10)} wake: ${c.wake.padEnd(9)}  ${fmt(wall[i]!).padEnd(29)}${fmt(idle[i]!)}`));
  console.log('penalty, after sequential - after parallel, round by round (µs per task):');
  const penalty = (xs: readonly number[][], w: number): string => {
    const d = xs[2 * w]!.map((v, r) => v - xs[2 * w + 1]![r]!);
    const ci = medianInterval(d);
    return `${quantile(d, 0.5).toFixed(1)} (95% ${ci.low.toFixed(1)} to ${ci.high.toFixed(1)}, p = ${wilcoxonSignedRank(xs[2 * w]!, xs[2 * w + 1]!).p.toFixed(3)})`;
  };
  for (let w = 0; w < wakes.length; w++) console.log(`  wake: ${wakes[w]!.padEnd(9)}  wall ${penalty(wall, w).padEnd(36)}outside tasks ${penalty(idle, w)}`);
} finally {
  await pool.close();
}
