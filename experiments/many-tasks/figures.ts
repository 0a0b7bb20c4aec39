/** The many-tasks measurements, as `measure` hands them to `analyse` (and tests feed them by hand). */

import type { ProcessTasksResult } from './process-tasks.ts';

/** One size run one way on one thread: the scheduler or the async reference. */
export interface OneThreadFigures {
  readonly way: 'scheduler' | 'async';
  readonly tasks: number;
  /** Median wall time over the repeats, from building the specs until every task had ended, ms. */
  readonly wallMs: number;
  /**
   * Every timed run's wall time, in round order (the two ways took turns within each round, so run i of one
   * way pairs with run i of the other): what intervals and tests read. Absent in figures from before it was kept.
   */
  readonly runsMs?: readonly number[];
  readonly checksum: number;
  /** After a forced GC with every task parked, in a fresh child process: heap and RSS deltas. */
  readonly heapBytes: number;
  readonly rssBytes: number;
  /** In that child (which shares the machine with the other way's child): from building the specs until every task had parked, ms. */
  readonly parkedMs: number;
}

/** One lab worker thread per task: a pool of `tasks` threads started, then the tasks run on it. */
export interface ThreadFigures {
  readonly tasks: number;
  readonly startMs: number;
  readonly runMs: number;
  readonly rssBytes: number;
  readonly checksum: number;
}

/** One forked process per task: what `runProcessTasks` measured, as it measured it. */
export type ProcessFigures = ProcessTasksResult;

/** The scheduler's checksum at a size only threads or processes were timed at: the reference their rows are compared with. */
export interface SchedulerReference {
  readonly tasks: number;
  readonly checksum: number;
}

/** The task shape and the caps: what `measure` planned, carried into the figures as planned. */
export interface ManyTasksSetup {
  readonly waitMs: number;
  readonly units: number;
  readonly threadCap: number;
  readonly processCap: number;
}

export interface ManyTasksFigures extends ManyTasksSetup {
  /** The kernel's cost on the lab's thread in this run (the fastest of the blocks timed before each size), µs per unit: the CPU part of the ideal. */
  readonly usPerUnit: number;
  readonly oneThread: readonly OneThreadFigures[];
  readonly threads: readonly ThreadFigures[];
  readonly processes: readonly ProcessFigures[];
  /**
   * The scheduler run untimed at the sizes of `threads` and `processes` that `oneThread` lacks, for their
   * checksums (absent in figures from before it was measured: those rows are then not compared).
   */
  readonly schedulerReference?: readonly SchedulerReference[];
}

/** The best any way can do: every wait overlapped, the CPU work back to back on one thread. */
export function idealMs(figures: Pick<ManyTasksFigures, 'waitMs' | 'units' | 'usPerUnit'>, tasks: number): number {
  return figures.waitMs + (tasks * figures.units * figures.usPerUnit) / 1000;
}
