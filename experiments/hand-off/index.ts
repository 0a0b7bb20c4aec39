import { runOptionsFor } from '../../src/experiment/context.ts';
import { defineExperiment } from '../../src/experiment/define.ts';
import type { ExperimentKit } from '../../src/experiment/kit.ts';
import { median } from '../../src/measure/stats.ts';
import { analyseHandOff, type HandOffFigures } from './analysis.ts';
import { interpretHandOff } from './analysis-notes.ts';
import { labWay, oneThreadWay } from './lab-ways.ts';
import { openTinypool, openWorkerpool, openPoolifier, piscinaWay } from './pool-ways.ts';
import { openPortWay, openRingWay } from './raw-channels.ts';
import { handOffChart, handOffFacts, handOffRows, handOffTables, type HandOffFacts, type HandOffRow } from './report.ts';
import { idleCores, sweepWays } from './sweep.ts';
import type { Way } from './way.ts';

export { analyseHandOff, type HandOffFigures } from './analysis.ts';
export { interpretHandOff } from './analysis-notes.ts';
export { measurePostMessageFloor } from './post-message-floor.ts';

/**
 * The design: a fixed task count at every size (size 0, the hand-off alone, is the floor), sizes
 * from 0 to past the pools' crossovers, and idle pauses for the CPU a way burns with nothing to do.
 */
export function handOffPlan(quick: boolean): { tasks: number; sizes: number[]; idlePauseMs: number; idleRounds: number } {
  return quick ? { tasks: 200, sizes: [0, 4, 16, 64], idlePauseMs: 100, idleRounds: 1 } : { tasks: 1_000, sizes: [0, 1, 4, 16, 64, 256], idlePauseMs: 250, idleRounds: 3 };
}

/** How long a raw ring run may take before it is given up (a lost worker would otherwise block the main thread for good). */
const RING_TIMEOUT_MS = 60_000;

type HandOffSettings = { tasks: number; sizes: string; ways: number; spinThreads: number };

/** Every way, opened: the baseline, the raw channels, the pools (those installed), the lab's paths. Whatever opened is closed by the caller, also on failure. */
async function openWays(ways: Way[], skipped: string[], kit: ExperimentKit, spinThreads: number): Promise<void> {
  const { threads, timeoutMs } = kit.context;
  ways.push(oneThreadWay);
  // With one core, cores - 1 is none: a spinning worker would take the main thread's core, and each would spin through the other's time slice.
  if (spinThreads > 0) ways.push(openRingWay('ring-spin', spinThreads, true, timeoutMs ?? RING_TIMEOUT_MS));
  else skipped.push('The spinning ring was skipped: with one core there is no core to spin on but the main thread\'s (it uses cores - 1 workers).');
  ways.push(openRingWay('ring-wake', threads, false, timeoutMs ?? RING_TIMEOUT_MS));
  ways.push(openPortWay('post-message-one', threads, 'one'));
  ways.push(openPortWay('post-message-many', threads, 'many'));
  const labPool = await kit.sharedPool();
  ways.push(piscinaWay(await labPool.plainPool()));
  for (const open of [openTinypool, openWorkerpool, openPoolifier]) {
    const opened = await open(threads);
    if (opened.state === 'open') ways.push(opened.way);
    else skipped.push(opened.note);
  }
  const options = runOptionsFor(kit.context);
  ways.push(labWay('lab-parallel', 'parallel', labPool, options), labWay('lab-parallel-untraced', 'parallel', labPool, { ...options, steps: false }), labWay('lab-hybrid', 'hybrid', labPool, options));
}

export const handOff = defineExperiment<HandOffFigures & { spinThreads: number; threads: number; rounds: number }, HandOffRow, HandOffFacts, HandOffSettings>('hand-off', {
  comparable: ['quick', 'tasks', 'sizes'],
  commonSettings: ['repeats', 'warmups', 'threads', 'quick', 'steps'],
  question: 'How small can a task be? What handing one task to another thread costs, from the physical floor to the pools users choose between, and where that time goes.',
  about:
    'Ways × sizes × rounds: the same kernel tasks (0 units, the floor, up to past the crossover; a fixed task count) through a spinning and a sleeping SharedArrayBuffer ring, bare postMessage (one and many in flight), Piscina, tinypool, workerpool, poolifier and the lab\'s parallel and hybrid paths, in a balanced order: the cost per task, the crossover, the CPU each burns.',
  // One balanced block for every way: 11 rounds of 12 ways, each following every other once.
  defaults: { repeats: 11, quickRepeats: 3 },

  async measure(kit) {
    const { quick, threads, repeats, warmups, signal, onProgress } = kit.context;
    const cores = kit.context.machine.availableParallelism;
    const plan = handOffPlan(quick);
    // The spinning ring keeps a core for the main thread, which spins too.
    const spinThreads = cores - 1;
    const ways: Way[] = [];
    const skipped: string[] = [];
    try {
      await openWays(ways, skipped, kit, spinThreads);
      const sizes = await sweepWays(ways, { sizes: plan.sizes, tasks: plan.tasks, repeats, warmups, signal, onProgress });
      const idle = await idleCores(ways, plan.idlePauseMs, plan.idleRounds, signal);
      const rounds = sizes[0]?.balance.rounds ?? repeats;
      return { plan: { tasks: plan.tasks, sizes: plan.sizes }, cores, threads, spinThreads, rounds, ways: ways.map((w) => ({ name: w.name, threads: w.threads })), skipped, sizes, idleCores: idle };
    } finally {
      await Promise.allSettled(ways.map((w) => w.close()));
    }
  },

  analyse(figures) {
    const a = analyseHandOff(figures);
    const spinCpuCores = median(figures.idleCores['ring-spin'] ?? [Number.NaN]);
    const design = { ways: figures.ways.length, sizes: figures.plan.sizes, rounds: figures.rounds, tasks: figures.plan.tasks, threads: figures.threads, spinThreads: figures.spinThreads, cores: figures.cores, balanced: figures.sizes.every((s) => s.balance.fewest === s.balance.most) };
    return {
      settings: { tasks: figures.plan.tasks, sizes: figures.plan.sizes.join(' '), ways: figures.ways.length, spinThreads: figures.spinThreads },
      tables: handOffTables(a, `hand-off: ${figures.plan.tasks} tasks at each of ${figures.plan.sizes.join(', ')} units, ${figures.threads} threads (spinning ring ${figures.spinThreads}), ${figures.cores} cores, ${figures.rounds} rounds`),
      rows: handOffRows(a),
      facts: handOffFacts(a, spinCpuCores),
      notes: interpretHandOff(a, design, figures.skipped, spinCpuCores),
      lineCharts: [handOffChart(a, figures.plan.tasks)],
    };
  },
});
