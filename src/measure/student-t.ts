import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** The critical value t such that 95% of a t distribution with `df` degrees of freedom lies within +-t. */
export function tCritical95(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a positive integer, got ${df}`);
  return tQuantile(0.975, df);
}

/** The z such that a standard normal variable stays below it with probability `p` (0 < p < 1). */
export function zQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`a probability strictly between 0 and 1 is needed, got ${p}`);
  return normalQuantile(p, 0, 1);
}
