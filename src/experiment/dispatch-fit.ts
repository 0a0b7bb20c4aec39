import { crossoverSize, type Crossover } from '../measure/crossover.ts';
import { fitOverheadPerTask, overheadPerTask } from '../measure/dispatch-overhead.ts';
import { impossibleOverhead } from '../measure/impossible-figures.ts';
import { listScheduleMs } from '../measure/list-schedule.ts';
import type { ModeName } from '../modes/index.ts';
import { rowOf, type ModeFigures } from './mode-rows.ts';

/** The best speedup equal tasks can reach on `threads` threads and `cores` cores: tasks / rounds of the busiest thread. */
export function idealCpuSpeedup(tasks: number, threads: number, cores: number): number {
  return tasks / listScheduleMs(new Array<number>(tasks).fill(1), Math.min(threads, cores));
}

/** One task size of a sweep, measured in sequential and in every mode that hands tasks out. */
export interface DispatchSize {
  readonly unitsPerTask: number;
  readonly tasks: number;
  readonly rows: readonly ModeFigures[];
}

/** The ideal time of a size on `usable` threads: sequential time split by whole tasks (list schedule of equal tasks). */
export function idealSplitMs(size: DispatchSize, usable: number): number {
  return (rowOf(size.rows, 'sequential').medianMs * listScheduleMs(new Array<number>(size.tasks).fill(1), usable)) / size.tasks;
}

/** Microseconds of kernel work in one unit, from the sequential run of the largest tasks. */
export function usPerUnitOf(sizes: readonly DispatchSize[]): number {
  const largest = sizes.reduce((a, b) => (b.unitsPerTask > a.unitsPerTask ? b : a));
  return (rowOf(largest.rows, 'sequential').medianMs * 1000) / largest.tasks / largest.unitsPerTask;
}

/** What one mode's hand-over cost over a sweep of sizes, fitted against the ideal split. */
export interface DispatchFit {
  readonly mode: ModeName;
  /** (measured - ideal) / tasks at each size, µs, in the sizes' order. */
  readonly overheadUs: readonly number[];
  /** Why the mode's figures at each size are impossible (superlinear, or a negative overhead beyond its interval); undefined when possible. */
  readonly impossible: readonly (string | undefined)[];
  /** Per-task cost fitted over every size whose figures are possible, µs; NaN when none is. */
  readonly dispatchUs: number;
  /** Sizes (units per task) the fit left out because their figures were impossible. */
  readonly leftOut: readonly number[];
  /** Where the mode starts to beat sequential. */
  readonly crossover: Crossover;
  /** The crossover as work per task, µs; NaN unless it crossed between two measured sizes. */
  readonly crossoverUs: number;
}

/**
 * One mode's per-task dispatch cost over the sizes, against the ideal split of sequential time over
 * `usable` threads. Impossible points are left out of the fit, not clamped to zero: a fit through
 * them would only spread the baseline's fault.
 */
export function fitDispatch(sizes: readonly DispatchSize[], mode: ModeName, usable: number): DispatchFit {
  const points = sizes.map((s) => {
    const sequentialMs = rowOf(s.rows, 'sequential').medianMs;
    const idealMs = idealSplitMs(s, usable);
    const row = rowOf(s.rows, mode);
    const impossible = row.impossible ?? (row.speedupLow === undefined ? undefined : impossibleOverhead(row.speedup, row.speedupLow, sequentialMs / idealMs, row.samples?.length ?? 0));
    return { size: s, row, idealMs, impossible };
  });
  const kept = points.filter((p) => p.impossible === undefined);
  const crossover = crossoverSize(points.map((p) => ({ size: p.size.unitsPerTask, speedup: p.row.speedup })));
  return {
    mode,
    overheadUs: points.map((p) => overheadPerTask(p.row.medianMs, p.idealMs, p.size.tasks) * 1000),
    impossible: points.map((p) => p.impossible),
    dispatchUs: kept.length === 0 ? Number.NaN : fitOverheadPerTask(kept.map((p) => ({ tasks: p.size.tasks, extraMs: p.row.medianMs - p.idealMs }))) * 1000,
    leftOut: points.filter((p) => p.impossible !== undefined).map((p) => p.size.unitsPerTask),
    crossover,
    crossoverUs: crossover.state === 'crossed' ? crossover.size * usPerUnitOf(sizes) : Number.NaN,
  };
}
