import { median } from './stats.ts';

/** hyperfine's threshold: a sample is an outlier when it lies more than 10 scaled MADs from the median. */
export const OUTLIER_THRESHOLD = 10;
/** Scales the median absolute deviation to estimate the standard deviation of a normal distribution. */
export const MAD_SCALE = 1.4826;

/** Outliers among samples, by modified Z-score; they are named, never removed. */
export interface Outliers {
  readonly median: number;
  /** Median absolute deviation from the median (unscaled). */
  readonly mad: number;
  /** 0-based positions of the outliers, in sample order. */
  readonly indices: readonly number[];
}

/**
 * Flags samples whose modified Z-score |x - median| / (1.4826 MAD) exceeds 10 (hyperfine's rule).
 * When MAD is 0 (more than half the samples equal the median), any sample off the median is an
 * outlier, as in hyperfine, and nothing divides by zero.
 */
export function findOutliers(samples: readonly number[]): Outliers {
  const m = median(samples);
  const deviations = samples.map((x) => Math.abs(x - m));
  const mad = median(deviations);
  const indices: number[] = [];
  deviations.forEach((d, i) => {
    // Stryker disable next-line ConditionalExpression: x / 0 would flag the same samples (Infinity or NaN); the rule is written out rather than left to it
    if (mad === 0 ? d > 0 : d / (MAD_SCALE * mad) > OUTLIER_THRESHOLD) indices.push(i);
  });
  return { median: m, mad, indices };
}
