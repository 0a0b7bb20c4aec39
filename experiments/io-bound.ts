import { runSettings, type Experiment, type ExperimentContext } from '../src/experiment/context.ts';
import { listScheduleMs } from '../src/measure/list-schedule.ts';
import type { ModeName } from '../src/modes/index.ts';
import { compareModes } from '../src/measure/compare-modes.ts';
import { drawableRuns } from '../src/report/drawable-runs.ts';
import type { ExperimentResult } from '../src/report/experiment-result.ts';
import { formatMs, formatRatio } from '../src/report/format.ts';
import { modeTable } from '../src/report/mode-table.ts';
import { waitBoundWorkload, waitTotals } from '../src/workload/presets.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';
import { checksumWarning, comparedWith, measureOnPool, rowOf, verdictBetween, withPool, type ModeFigures } from './measure-on-pool.ts';

const MODES: readonly ModeName[] = ['sequential', 'interleaved', 'parallel'];

/** Many more waiting tasks than threads, so that the pool's limit shows; same seed, same waits. */
export function ioBoundWorkload(quick: boolean, seed: number): WorkloadSpec {
  return waitBoundWorkload({
    tasks: quick ? 12 : 16,
    waitsPerTask: quick ? 2 : 3,
    minWaitMs: quick ? 5 : 10,
    maxWaitMs: quick ? 20 : 50,
    unitsPerReply: 10,
    seed,
  });
}

/** The references each mode is judged against, all from the workload's waits. */
export interface IoFacts {
  /** What one thread waiting for each task in turn needs. */
  readonly sumOfWaitsMs: number;
  /** What one thread overlapping every wait needs: the task that waits longest. */
  readonly longestTaskWaitMs: number;
  /** What a pool of `threads` workers, each holding one task through its waits, needs at best. */
  readonly perfectPoolMs: number;
  readonly threads: number;
  /** The smallest pool whose perfect schedule is no longer than the longest task: what threads need to match one interleaving thread. */
  readonly threadsToMatchInterleaving: number;
}

export function ioFacts(workload: WorkloadSpec, threads: number): IoFacts {
  const totals = [...waitTotals(workload).values()];
  const longest = Math.max(...totals);
  let match = 1;
  while (listScheduleMs(totals, match) > longest) match++;
  return {
    sumOfWaitsMs: totals.reduce((a, b) => a + b, 0),
    longestTaskWaitMs: longest,
    perfectPoolMs: listScheduleMs(totals, threads),
    threads,
    threadsToMatchInterleaving: match,
  };
}

/** Each mode against its reference: measured / reference, for the second table and the notes. */
export function referenceRows(rows: readonly ModeFigures[], facts: IoFacts): { mode: ModeName; reference: string; referenceMs: number; measuredMs: number; ratio: number }[] {
  const refs: [ModeName, string, number][] = [
    ['sequential', 'sum of all waits', facts.sumOfWaitsMs],
    ['interleaved', "longest task's waits", facts.longestTaskWaitMs],
    ['parallel', `perfect ${facts.threads}-thread pool`, facts.perfectPoolMs],
  ];
  return refs.map(([mode, reference, referenceMs]) => {
    const measuredMs = rowOf(rows, mode).medianMs;
    return { mode, reference, referenceMs, measuredMs, ratio: measuredMs / referenceMs };
  });
}

/** Sentences computed from the rows and the wait references. */
export function interpretIoBound(rows: readonly ModeFigures[], facts: IoFacts, tasks: number): string[] {
  const [sequential, interleaved, parallel] = referenceRows(rows, facts);
  const parallelRow = rowOf(rows, 'parallel');
  const interleavedRow = rowOf(rows, 'interleaved');
  const oneThread = `one interleaving thread (${formatMs(interleavedRow.medianMs)} ms)`;
  const pool = `${facts.threads} worker threads (${formatMs(parallelRow.medianMs)} ms)`;
  const winner = interleavedRow.medianMs <= parallelRow.medianMs ? `${oneThread} beat ${pool}` : `${pool} beat ${oneThread}`;
  return [
    ...checksumWarning(rows),
    `sequential took ${formatRatio(sequential!.ratio)} the sum of all waits (${formatMs(facts.sumOfWaitsMs)} ms): each wait holds the only thread. ` +
      `interleaved took ${formatRatio(interleaved!.ratio)} the longest single task's waits (${formatMs(facts.longestTaskWaitMs)} ms): ` +
      `all ${tasks} tasks waited at once on one thread, ${comparedWith(interleavedRow.speedup, 'sequential', verdictBetween(interleavedRow, rowOf(rows, 'sequential')))}.`,
    `parallel took ${formatMs(parallel!.measuredMs)} ms, ${formatRatio(parallel!.ratio)} the ${formatMs(facts.perfectPoolMs)} ms of a perfect ${facts.threads}-thread pool, ` +
      `${comparedWith(parallelRow.speedup, 'sequential', verdictBetween(parallelRow, rowOf(rows, 'sequential')))}: a worker holding one task overlaps nothing, so waits overlap only ${facts.threads} at a time, ` +
      `whatever the core count. A pool would need ${facts.threadsToMatchInterleaving} threads to match interleaving on these waits; here ${winner}.`,
  ];
}

async function run(context: ExperimentContext): Promise<ExperimentResult> {
  const workload = ioBoundWorkload(context.quick, context.seed);
  const machine = context.machine;
  const measurements = await withPool(context.threads, (pool) => measureOnPool(workload, MODES, context, pool));
  const rows = compareModes(measurements);
  const facts = ioFacts(workload, context.threads);
  const references = referenceRows(rows, facts);
  return {
    experiment: 'io-bound',
    question: io_bound.question,
    machine,
    settings: { ...runSettings(context), workload: workload.description! },
    tables: [
      modeTable(`io-bound: ${workload.description}`, rows),
      {
        title: 'each mode against what its waits allow',
        head: ['mode', 'reference', 'reference ms', 'median ms', 'median / reference'],
        rows: references.map((r) => [r.mode, r.reference, formatMs(r.referenceMs), formatMs(r.measuredMs), formatRatio(r.ratio)]),
        align: ['left', 'left', 'right', 'right', 'right'],
      },
    ],
    rows: rows.map((r) => {
      const ref = references.find((x) => x.mode === r.mode)!;
      return { ...r, reference: ref.reference, referenceMs: ref.referenceMs };
    }),
    facts: {
      sumOfWaitsMs: facts.sumOfWaitsMs,
      longestTaskWaitMs: facts.longestTaskWaitMs,
      perfectPoolMs: facts.perfectPoolMs,
      threadsToMatchInterleaving: facts.threadsToMatchInterleaving,
    },
    notes: interpretIoBound(rows, facts, workload.tasks.length),
    runs: drawableRuns(measurements),
  };
}

export const io_bound: Experiment = {
  name: 'io-bound',
  question: 'On work that mostly waits, how close does each mode come to what its waits allow: their sum, the longest task, or a pool of N threads?',
  defaults: { repeats: 7, quickRepeats: 3 },
  run,
};
