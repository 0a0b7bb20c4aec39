/**
 * The makespan of running tasks of the given durations on `threads` threads, each task
 * started in order on the thread that frees up first (what a pool with one task per
 * worker does). It is the best a pool of that size can do for these tasks in this order.
 */
export function listScheduleMs(durations: readonly number[], threads: number): number {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
  const freeAt = new Array<number>(threads).fill(0);
  for (const duration of durations) {
    let earliest = 0;
    // Stryker disable next-line EqualityOperator: equivalent; on a tie (<=) either thread frees at the same moment, so the makespan is the same.
    for (let t = 1; t < threads; t++) if (freeAt[t]! < freeAt[earliest]!) earliest = t;
    freeAt[earliest]! += duration;
  }
  return Math.max(...freeAt);
}
