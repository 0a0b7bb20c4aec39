import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { defineExperiment } from '../src/experiment/define.ts';
import { readProcCpu } from '../src/runtime/proc-stat.ts';
import { modeTable } from '../src/report/mode-table.ts';
import { tinyContext } from './helpers/context.ts';

// A real busy loop beside a tiny run, read from the real /proc. The loop must not be the lab's own:
// a child of this test process would be counted in the lab's tree and taken out, so it is started
// by a shell that exits at once, leaving the loop to another parent. (A run without the loop proves
// nothing on a shared machine: other programs may be busy, so "not flagged" is never asserted.)

let spinner: number | undefined;

afterEach(() => {
  if (spinner !== undefined) process.kill(spinner, 'SIGKILL');
  spinner = undefined;
});

/**
 * Starts a loop that holds one core, outside the lab's process tree, and resolves once it has used
 * CPU. It ends itself after two minutes, should this test process die before killing it.
 */
async function spinOutsideTheTree(): Promise<number> {
  const loop = 'const end = Date.now() + 120000; while (Date.now() < end);';
  const pid = Number(execFileSync('sh', ['-c', `"$0" -e "$1" >/dev/null 2>&1 </dev/null & echo $!`, process.execPath, loop], { encoding: 'utf8' }).trim());
  for (let waited = 0; waited < 5_000 && ticksOf(pid) === 0; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  return pid;
}

/** The fields of /proc/PID/stat after the command name: state, ppid, ..., utime (11), stime (12). */
const statOf = (pid: number): string[] => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
const ticksOf = (pid: number): number => Number(statOf(pid)[11]) + Number(statOf(pid)[12]);

const idleRun = defineExperiment('idle-beside-a-spinner', {
  question: 'Does the lab see a program it did not start?',
  // A run that sleeps 0.6 s: long enough for its own per-run figure, and it leaves a core to the loop.
  measure: async (kit) => kit.measure({ name: 'sleeper', tasks: [{ name: 'sleep', parts: [{ kind: 'wait', ms: 600 }] }] }, ['sequential']),
  analyse: ({ rows }) => ({ tables: [modeTable('sleeper', rows)], rows, facts: {}, notes: ['its own note'] }),
});

describe.skipIf(readProcCpu() === undefined)('a real busy loop beside a tiny run', () => {
  it('is found: the run is flagged as disturbed, and so is its row', async () => {
    spinner = await spinOutsideTheTree();
    expect(Number(statOf(spinner)[1])).not.toBe(process.pid);
    const spunBefore = ticksOf(spinner);
    const startedMs = performance.now();
    const result = await idleRun.run(tinyContext({ repeats: 2, readCpu: readProcCpu }));
    // The loop is part of what other programs used: at least its own share, give or take a few ticks.
    const loopCores = (ticksOf(spinner) - spunBefore) / 100 / ((performance.now() - startedMs) / 1000);
    expect(result.foreignCpuCores).toBeGreaterThan(0.25);
    expect(result.foreignCpuCores).toBeGreaterThanOrEqual(loopCores - 0.1);
    expect(result.notes[0]).toMatch(/^Another program used about [\d.]+ (of a core|cores)|^Another program used about one core/);
    expect(result.rows[0]!.disturbed).toBe(true);
    expect(result.tables[0]!.rows[0]![0]).toMatch(/^sequential( !)? %$/);
  });

  it('counts a program the lab started as the lab\'s own, even once it has ended', async () => {
    const before = readProcCpu()!;
    // A child that computes for a while, says how much CPU it used, and exits: reaped before the second reading.
    const childMs = Number(execFileSync(process.execPath, ['-e', 'let x = 0; for (let i = 0; i < 3e8; i++) x ^= i; const u = process.cpuUsage(); console.log((u.user + u.system) / 1000)'], { encoding: 'utf8' }));
    const after = readProcCpu()!;
    // In ticks of 10 ms: the child's CPU, give or take the rounding of its two figures.
    expect(after.treeTicks - before.treeTicks).toBeGreaterThanOrEqual(Math.floor(childMs / 10) - 2);
  });
});
