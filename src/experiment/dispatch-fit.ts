import { crossoverByVerdict, type Crossover } from '../measure/crossover.ts';
import { fitOverheadPerTask, overheadPerTask } from '../measure/dispatch-overhead.ts';
import { impossibleOverhead } from '../measure/impossible-figures.ts';
import { listScheduleMs } from '../measure/list-schedule.ts';
import type { Verdict } from '../measure/verdict.ts';
import type { ModeName } from '../modes/index.ts';
import { verdictBetween } from './compared-with.ts';
import { rowOf, type ModeFigures } from './mode-rows.ts';

/** The best speedup equal tasks can reach on `threads` threads and `cores` cores: tasks / rounds of the busiest thread. */
export function idealCpuSpeedup(tasks: number, threads: number, cores: number): number {
  return tasks / listScheduleMs(new Array<number>(tasks).fill(1), Math.min(threads, cores));
}

/** A mode's figures at one size as the fit reads them, with the verdict of its paired test against sequential when compared. */
/** `M`: the mode run, or the name of a way of handing work over that is no mode of the lab. */
export type DispatchRow<M extends string = ModeName> = Omit<ModeFigures, 'mode'> & { readonly mode: M; readonly verdict?: Verdict };

/** One task size of a sweep, measured in sequential and in every mode that hands tasks out. */
export interface DispatchSize {
  readonly unitsPerTask: number;
  readonly tasks: number;
  readonly rows: readonly DispatchRow[];
}

/** A subject's row at each size: a mode's own row, or a row measured beside them (the A/A twin). */
export type RowAt<Z extends DispatchSize = DispatchSize> = (size: Z) => DispatchRow<string>;

/** The ideal time over the sequential time at `tasks` equal tasks on `usable` threads: the list schedule, per task. */
export function idealShare(tasks: number, usable: number): number {
  return listScheduleMs(new Array<number>(tasks).fill(1), usable) / tasks;
}

/** The ideal time of a size on `usable` threads: sequential time split by whole tasks (list schedule of equal tasks). */
export function idealSplitMs(size: DispatchSize, usable: number): number {
  return rowOf(size.rows, 'sequential').medianMs * idealShare(size.tasks, usable);
}

/** Microseconds of kernel work in one unit, from the sequential run of the largest tasks. */
export function usPerUnitOf(sizes: readonly DispatchSize[]): number {
  const largest = sizes.reduce((a, b) => (b.unitsPerTask > a.unitsPerTask ? b : a));
  return (rowOf(largest.rows, 'sequential').medianMs * 1000) / largest.tasks / largest.unitsPerTask;
}

/** Why `row`'s figures at `size` are impossible (superlinear, or a negative overhead beyond its interval); undefined when possible. */
export function impossibleAt(size: DispatchSize, row: DispatchRow<string>, usable: number): string | undefined {
  const sequentialMs = rowOf(size.rows, 'sequential').medianMs;
  return row.impossible ?? (row.speedupLow === undefined ? undefined : impossibleOverhead(row.speedup, row.speedupLow, sequentialMs / idealSplitMs(size, usable), row.samples?.length ?? 0));
}

/** The verdict of `row` against sequential at `size`: the saved one, else the paired test on the samples, else too few (no rounds, no test). */
export function verdictAgainstSequential(size: DispatchSize, row: DispatchRow<string>): Verdict {
  return row.verdict ?? verdictBetween(row, rowOf(size.rows, 'sequential')) ?? { state: 'too-few', n: 0 };
}

/** What one mode's hand-over cost over a sweep of sizes, fitted against the ideal split. */
export interface DispatchFit {
  /** The mode run, or the name of what else was fitted (a way of handing work over that is no mode of the lab). */
  readonly mode: string;
  /** (measured - ideal) / tasks at each size, µs, in the sizes' order. */
  readonly overheadUs: readonly number[];
  /** Why the mode's figures at each size are impossible (superlinear, or a negative overhead beyond its interval); undefined when possible. */
  readonly impossible: readonly (string | undefined)[];
  /** Per-task cost fitted over the sizes in `fittedOn`, µs; NaN when there is none. */
  readonly dispatchUs: number;
  /** Sizes (units per task) the fit used: those whose figures are possible (for every mode it is compared with, when fitted together). */
  readonly fittedOn: readonly number[];
  /** Sizes (units per task) whose figures for this mode were impossible, left out of its fit. */
  readonly leftOut: readonly number[];
  /** Where the mode starts to be measurably faster than sequential, by each size's verdict. */
  readonly crossover: Crossover;
  /** The crossover as work per task, µs (the first size from which every larger one was measurably faster); NaN unless it crossed between two measured sizes. */
  readonly crossoverUs: number;
}

/** The fit of the subject `rowAt` over the sizes whose figures are possible and, when `only` is given, among those units per task. */
function fitSubject<Z extends DispatchSize>(sizes: readonly Z[], mode: string, rowAt: RowAt<Z>, usable: number, only?: ReadonlySet<number>): DispatchFit {
  const points = sizes.map((size) => {
    const row = rowAt(size);
    return { size, row, idealMs: idealSplitMs(size, usable), impossible: impossibleAt(size, row, usable) };
  });
  const kept = points.filter((p) => p.impossible === undefined && (only === undefined || only.has(p.size.unitsPerTask)));
  const crossover = crossoverByVerdict(points.map((p) => ({ size: p.size.unitsPerTask, verdict: verdictAgainstSequential(p.size, p.row) })));
  return {
    mode,
    overheadUs: points.map((p) => overheadPerTask(p.row.medianMs, p.idealMs, p.size.tasks) * 1000),
    impossible: points.map((p) => p.impossible),
    dispatchUs: kept.length === 0 ? Number.NaN : fitOverheadPerTask(kept.map((p) => ({ tasks: p.size.tasks, extraMs: p.row.medianMs - p.idealMs }))) * 1000,
    fittedOn: kept.map((p) => p.size.unitsPerTask),
    leftOut: points.filter((p) => p.impossible !== undefined).map((p) => p.size.unitsPerTask),
    crossover,
    crossoverUs: crossover.state === 'crossed' ? crossover.size * usPerUnitOf(sizes) : Number.NaN,
  };
}

/**
 * One mode's per-task dispatch cost over the sizes, against the ideal split of sequential time over
 * `usable` threads. Impossible points are left out of the fit, not clamped to zero: a fit through
 * them would only spread the baseline's fault.
 */
export function fitDispatch(sizes: readonly DispatchSize[], mode: ModeName, usable: number): DispatchFit {
  return fitSubject(sizes, mode, (size) => rowOf(size.rows, mode), usable);
}

/** A subject fitted with others: the mode it ran and where its row is. */
export interface FitSubject<Z extends DispatchSize = DispatchSize> {
  readonly mode: string;
  readonly rowAt: RowAt<Z>;
}

/** Threads that can run at once: one count for every subject, or one per subject (a way that keeps a core for the main thread, or hands out one task at a time). */
export type UsableThreads<K extends string> = number | Readonly<Record<K, number>>;

/** The usable threads of `key`. */
export function usableOf<K extends string>(usable: UsableThreads<K>, key: K): number {
  return typeof usable === 'number' ? usable : usable[key];
}

/**
 * Every subject fitted on the same sizes: those whose figures are possible for all of them. Costs
 * compared in a ratio must cover the same sizes, or the ratio compares different work. Each
 * subject is held to the ideal split over its own usable threads when `usable` names them per subject.
 */
export function fitTogether<Z extends DispatchSize, K extends string>(
  sizes: readonly Z[],
  subjects: Readonly<Record<K, FitSubject<Z>>>,
  usable: UsableThreads<K>,
): { readonly fits: Readonly<Record<K, DispatchFit>>; readonly fittedOn: readonly number[] } {
  const entries = Object.entries(subjects) as [K, FitSubject<Z>][];
  const common = new Set(sizes.filter((size) => entries.every(([key, s]) => impossibleAt(size, s.rowAt(size), usableOf(usable, key)) === undefined)).map((s) => s.unitsPerTask));
  const fits = Object.fromEntries(entries.map(([key, s]) => [key, fitSubject(sizes, s.mode, s.rowAt, usableOf(usable, key), common)])) as Record<K, DispatchFit>;
  return { fits, fittedOn: sizes.map((s) => s.unitsPerTask).filter((u) => common.has(u)) };
}
