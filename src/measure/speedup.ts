/** How many times faster than the baseline: baseline time / time. */
export function speedup(baselineMs: number, ms: number): number {
  return baselineMs / ms;
}

/** Speedup per thread: 1.0 means every thread was fully used for the work the baseline did alone. */
export function efficiency(speedupValue: number, threads: number): number {
  return speedupValue / threads;
}
