import type { Analysis } from '../../src/experiment/define.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import type { OneWorkload } from '../../src/experiment/kit.ts';
import { comparedWithRow, fasterOrSlower, verdictBetween } from '../../src/experiment/compared-with.ts';
import { medianOverReference } from '../../src/experiment/ratio-with-verdict.ts';
import { rowOf, type ModeFigures } from '../../src/experiment/mode-rows.ts';
import { waitFigures, type WaitFigures, type WaitReferences } from '../../src/experiment/wait-figures.ts';
import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import { listScheduleMs } from '../../src/measure/list-schedule.ts';
import type { ModeName } from '../../src/modes/index.ts';
import { checksumWarning } from '../../src/report/checksum-warning.ts';
import { formatMs, formatRatio } from '../../src/report/format.ts';
import { modeTable } from '../../src/report/mode-table.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import type { NamedFacts } from '../../src/report/experiment-result.ts';

/** The wait references, and the smallest pool whose perfect schedule is no longer than the longest task: what threads need to match one interleaving thread. */
export type IoFacts = WaitFigures & { readonly threadsToMatchInterleaving: number };

export function ioFacts(workload: WorkloadSpec, threads: number): IoFacts {
  const waits = waitFigures(workload, threads);
  let match = 1;
  while (listScheduleMs(waits.waitsMs, match) > waits.longestTaskWaitMs) match++;
  return { ...waits, threadsToMatchInterleaving: match };
}

/** One mode against the time its waits allow it. */
export interface ReferenceRow {
  readonly mode: ModeName;
  readonly reference: string;
  readonly referenceMs: number;
  readonly measuredMs: number;
  readonly ratio: number;
}

/** Each mode against its reference: measured / reference, for the second table and the notes. */
export function referenceRows(rows: readonly ModeFigures[], facts: WaitReferences): ReferenceRow[] {
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
export function interpretIoBound(rows: readonly ModeFigures[], facts: WaitReferences & Pick<IoFacts, 'threadsToMatchInterleaving'>, tasks: number): string[] {
  const [sequential, interleaved, parallel] = referenceRows(rows, facts);
  const parallelRow = rowOf(rows, 'parallel');
  const interleavedRow = rowOf(rows, 'interleaved');
  const sequentialRow = rowOf(rows, 'sequential');
  const runs = (r: ModeFigures): number[] | undefined => r.samples?.map((x) => x.wallMs);
  const pool = `${facts.threads} worker threads (${formatMs(parallelRow.medianMs)} ms)`;
  return [
    ...checksumWarning(rows),
    `sequential took ${medianOverReference(runs(sequentialRow), sequential!.measuredMs, sequential!.referenceMs)} the sum of all waits (${formatMs(facts.sumOfWaitsMs)} ms): each wait holds the only thread. ` +
      `interleaved took ${medianOverReference(runs(interleavedRow), interleaved!.measuredMs, interleaved!.referenceMs)} the longest single task's waits (${formatMs(facts.longestTaskWaitMs)} ms): ` +
      `all ${tasks} tasks waited at once on one thread, ${comparedWithRow(interleavedRow, sequentialRow)}.`,
    `parallel took ${formatMs(parallel!.measuredMs)} ms, ${medianOverReference(runs(parallelRow), parallel!.measuredMs, parallel!.referenceMs)} the ${formatMs(facts.perfectPoolMs)} ms of a perfect ${facts.threads}-thread pool, ` +
      `${comparedWithRow(parallelRow, sequentialRow)}: a worker holding one task overlaps nothing, so waits overlap only ${facts.threads} at a time, ` +
      `whatever the core count. A pool would need ${facts.threadsToMatchInterleaving} threads to match interleaving on these waits; ` +
      `here ${pool} against one interleaving thread (${formatMs(interleavedRow.medianMs)} ms): ${fasterOrSlower(interleavedRow.medianMs / parallelRow.medianMs, verdictBetween(parallelRow, interleavedRow))}.`,
  ];
}

export type IoBoundRow = ModeComparison & { readonly reference: string; readonly referenceMs: number };

export type IoBoundFacts = NamedFacts<'sumOfWaitsMs' | 'longestTaskWaitMs' | 'perfectPoolMs' | 'threadsToMatchInterleaving'>;

/** The settings its result states beyond the common ones. */
export type IoBoundSettings = { workload: string };

/** Tables, facts and sentences, from the compared rows and the waits the workload holds. */
export function analyseIoBound({ workload, rows }: OneWorkload, context: ExperimentContext): Analysis<IoBoundRow, IoBoundFacts, IoBoundSettings> {
  const facts = ioFacts(workload, context.threads);
  const references = referenceRows(rows, facts);
  return {
    settings: { workload: workload.description! },
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
      const ref = rowOf(references, r.mode);
      return { ...r, reference: ref.reference, referenceMs: ref.referenceMs };
    }),
    facts: {
      sumOfWaitsMs: facts.sumOfWaitsMs,
      longestTaskWaitMs: facts.longestTaskWaitMs,
      perfectPoolMs: facts.perfectPoolMs,
      threadsToMatchInterleaving: facts.threadsToMatchInterleaving,
    },
    notes: interpretIoBound(rows, facts, workload.tasks.length),
  };
}
