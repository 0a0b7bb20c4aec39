/** How much wall time a run took beyond its ideal, spread over its tasks. */
export interface ExtraTime {
  readonly tasks: number;
  /** Measured minus ideal wall time, ms. */
  readonly extraMs: number;
}

/** Wall time each task added beyond the ideal run: (measured - ideal) / tasks, in ms. */
export function overheadPerTask(measuredMs: number, idealMs: number, tasks: number): number {
  if (!Number.isInteger(tasks) || tasks < 1) throw new RangeError(`tasks must be a positive integer, got ${tasks}`);
  return (measuredMs - idealMs) / tasks;
}

/**
 * One per-task cost that explains the extra time of several runs: the least-squares slope
 * through the origin of extra time against task count, sum(n d) / sum(n n). Runs with many
 * tasks weigh most, which is right: their extra time is mostly overhead, not noise.
 */
export function fitOverheadPerTask(runs: readonly ExtraTime[]): number {
  if (runs.length === 0) throw new RangeError('overhead of no runs');
  let snd = 0;
  let snn = 0;
  for (const { tasks, extraMs } of runs) {
    snd += tasks * extraMs;
    snn += tasks * tasks;
  }
  return snd / snn;
}
