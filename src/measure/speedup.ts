import type { Summary } from './stats.ts';

/** How many times faster than the baseline: baseline time / time. */
export function speedup(baselineMs: number, ms: number): number {
  return baselineMs / ms;
}

/** Speedup per thread: 1.0 means every thread was fully used for the work the baseline did alone. */
export function efficiency(speedupValue: number, threads: number): number {
  return speedupValue / threads;
}

/**
 * The 95% half-width of a speedup (a ratio of two measured times), propagating the relative
 * confidence half-widths of both in quadrature: a first-order estimate that holds while both
 * are small (a few percent), which is when a speedup is worth quoting at all.
 */
export function speedupHalfWidth95(baseline: Summary, measured: Summary): number {
  const relative = Math.hypot(baseline.ci95 / baseline.mean, measured.ci95 / measured.mean);
  return speedup(baseline.median, measured.median) * relative;
}
