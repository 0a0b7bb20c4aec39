import type { Analysis } from '../../src/experiment/define.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import type { OneWorkload } from '../../src/experiment/kit.ts';
import { comparedWithRow } from '../../src/experiment/compared-with.ts';
import { medianOverReference } from '../../src/experiment/ratio-with-verdict.ts';
import { rowOf, type ModeFigures } from '../../src/experiment/mode-rows.ts';
import { waitFigures } from '../../src/experiment/wait-figures.ts';
import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import { listScheduleMs } from '../../src/measure/list-schedule.ts';
import type { ModeName } from '../../src/modes/index.ts';
import { checksumWarning } from '../../src/report/checksum-warning.ts';
import { formatCount, formatMs, formatPercent, formatRatio } from '../../src/report/format.ts';
import { modeTable } from '../../src/report/mode-table.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import type { NamedFacts } from '../../src/report/experiment-result.ts';

/** The modes measured, in the order of the bounds table and of the rows. */
export const MIXED_MODES = ['sequential', 'interleaved', 'parallel', 'hybrid'] as const satisfies readonly ModeName[];
type MixedMode = (typeof MIXED_MODES)[number];

/** What the rows are judged against; the CPU time is not known in advance, so it comes from the sequential run. */
export interface MixedFacts {
  /** Each task's waits, in task order. */
  readonly waitsMs: readonly number[];
  readonly threads: number;
  readonly cores: number;
}

export function mixedFacts(workload: WorkloadSpec, threads: number, cores: number): MixedFacts {
  return { waitsMs: waitFigures(workload, threads).waitsMs, threads, cores };
}

/** The least time each mode could take, from the CPU time that sequential measured (its time minus its waits). */
export interface MixedBounds {
  readonly sumOfWaitsMs: number;
  /** Sequential time minus the waits: all the CPU work, on one thread. */
  readonly cpuMs: number;
  /** cpuMs / sequential time. */
  readonly cpuShare: number;
  /** One task alone: its waits plus its share of the CPU work. */
  readonly longestTaskMs: number;
  /** interleaved: all CPU on one thread, or the longest task if that is longer. */
  readonly interleavedMs: number;
  /** parallel: a perfect pool where each worker holds one task through its waits. */
  readonly parallelMs: number;
  /** hybrid: the CPU spread over min(threads, cores), or the longest task if that is longer. */
  readonly hybridMs: number;
}

/** Bounds for equal-CPU tasks (what `mixedWorkload` builds) from the measured sequential time. */
export function mixedBounds(sequentialMs: number, facts: MixedFacts): MixedBounds {
  const tasks = facts.waitsMs.length;
  const sumOfWaitsMs = facts.waitsMs.reduce((a, b) => a + b, 0);
  const cpuMs = Math.max(0, sequentialMs - sumOfWaitsMs);
  const durations = facts.waitsMs.map((w) => w + cpuMs / tasks);
  const longestTaskMs = Math.max(...durations);
  const usable = Math.min(facts.threads, facts.cores);
  return {
    sumOfWaitsMs,
    cpuMs,
    cpuShare: cpuMs / sequentialMs,
    longestTaskMs,
    interleavedMs: Math.max(cpuMs, longestTaskMs),
    parallelMs: Math.max(listScheduleMs(durations, facts.threads), cpuMs / usable),
    hybridMs: Math.max(cpuMs / usable, longestTaskMs),
  };
}

/** Sentences computed from the rows and the bounds: both kinds of work matter, and hybrid overlaps both. */
export function interpretMixed(rows: readonly ModeFigures[], facts: MixedFacts): string[] {
  const sequential = rowOf(rows, 'sequential');
  const interleaved = rowOf(rows, 'interleaved');
  const parallel = rowOf(rows, 'parallel');
  const hybrid = rowOf(rows, 'hybrid');
  const b = mixedBounds(sequential.medianMs, facts);
  const perWorker = facts.waitsMs.length / Math.min(hybrid.threads, facts.waitsMs.length);
  // A bound is computed from the sequential median; each row's median is read against it with the row's own interval.
  const bound = (r: ModeFigures, boundMs: number): string => medianOverReference(r.samples?.map((x) => x.wallMs), r.medianMs, boundMs);
  return [
    ...checksumWarning(rows),
    `CPU work was ${formatPercent(b.cpuShare)} of the sequential time (${formatMs(b.cpuMs)} ms: sequential minus its ${formatMs(b.sumOfWaitsMs)} ms of waits), ` +
      `waiting the rest. hybrid took ${formatMs(hybrid.medianMs)} ms: ${comparedWithRow(hybrid, interleaved)} (${formatMs(interleaved.medianMs)} ms), ` +
      `${comparedWithRow(hybrid, parallel)} (${formatMs(parallel.medianMs)} ms) and ${comparedWithRow(hybrid, sequential)}.`,
    `interleaved hid the waits but ran all ${formatMs(b.cpuMs)} ms of CPU on one thread (it took ${bound(interleaved, b.interleavedMs)} its bound of ${formatMs(b.interleavedMs)} ms); ` +
      `parallel split the CPU over ${parallel.threads} threads, but each worker sat through its task's waits (${bound(parallel, b.parallelMs)} its bound of ${formatMs(b.parallelMs)} ms). ` +
      `Each hybrid worker interleaved ${Number.isInteger(perWorker) ? perWorker : perWorker.toFixed(1)} tasks, so waits and CPU overlapped at once ` +
      `(${bound(hybrid, b.hybridMs)} its bound of ${formatMs(b.hybridMs)} ms).`,
  ];
}

export type MixedRow = ModeComparison & { readonly boundMs: number };

export type MixedExperimentFacts = NamedFacts<'sumOfWaitsMs' | 'cpuMsEstimate' | 'cpuShare' | 'hybridOverInterleaved' | 'hybridOverParallel'>;

/** The settings its result states beyond the common ones. */
export type MixedSettings = { workload: string };

/** Tables, facts and sentences, each mode against the least it could take. */
export function analyseMixed({ workload, rows }: OneWorkload, context: ExperimentContext): Analysis<MixedRow, MixedExperimentFacts, MixedSettings> {
  const cores = context.machine.availableParallelism;
  const facts = mixedFacts(workload, context.threads, cores);
  const bounds = mixedBounds(rowOf(rows, 'sequential').medianMs, facts);
  const boundOf: Record<MixedMode, [string, number]> = {
    sequential: ['all CPU + all waits', rowOf(rows, 'sequential').medianMs],
    interleaved: ['max(all CPU on 1 thread, longest task)', bounds.interleavedMs],
    parallel: [`perfect ${context.threads}-thread pool, 1 task per worker`, bounds.parallelMs],
    hybrid: [`max(CPU over ${formatCount(Math.min(context.threads, cores), 'core')}, longest task)`, bounds.hybridMs],
  };
  return {
    settings: { workload: workload.description! },
    tables: [
      modeTable(`mixed: ${workload.description}`, rows),
      {
        title: 'each mode against the least it could take (CPU time from the sequential run)',
        head: ['mode', 'bound', 'bound ms', 'median ms', 'median / bound'],
        rows: MIXED_MODES.map((mode) => [mode, boundOf[mode][0], formatMs(boundOf[mode][1]), formatMs(rowOf(rows, mode).medianMs), formatRatio(rowOf(rows, mode).medianMs / boundOf[mode][1])]),
        align: ['left', 'left', 'right', 'right', 'right'],
      },
    ],
    rows: rows.map((r, i) => ({ ...r, boundMs: boundOf[MIXED_MODES[i]!][1] })),
    facts: {
      sumOfWaitsMs: bounds.sumOfWaitsMs,
      cpuMsEstimate: bounds.cpuMs,
      cpuShare: bounds.cpuShare,
      hybridOverInterleaved: rowOf(rows, 'interleaved').medianMs / rowOf(rows, 'hybrid').medianMs,
      hybridOverParallel: rowOf(rows, 'parallel').medianMs / rowOf(rows, 'hybrid').medianMs,
    },
    notes: interpretMixed(rows, facts),
  };
}
