import { binomialCdf } from './binomial-cdf.ts';

/** The confidence a median interval aims for. */
export const MEDIAN_CONFIDENCE = 0.95;

/** A distribution-free interval of the median, from two order statistics of the samples. */
export interface MedianInterval {
  readonly low: number;
  readonly high: number;
  /** The probability that the interval holds the true median: at least the confidence asked for, unless the samples are too few. */
  readonly coverage: number;
  /** 1-based ranks of `low` and `high` among the sorted samples. */
  readonly lowRank: number;
  readonly highRank: number;
}

/**
 * The binomial (order-statistic) interval of the median: [x(k), x(n+1-k)] covers the median with
 * probability 1 - 2 P(B <= k-1), B ~ Binomial(n, 1/2), whatever the distribution. It takes the
 * narrowest such interval that reaches `confidence`; with too few samples for that (n <= 5 at
 * 95%) it is min..max and `coverage` says what that achieves (n = 5: 93.75%).
 */
export function medianInterval(samples: readonly number[], confidence: number = MEDIAN_CONFIDENCE): MedianInterval {
  const n = samples.length;
  if (n === 0) throw new RangeError('median interval of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  let k = 1;
  while (2 * (k + 1) <= n + 1 && orderCoverage(n, k + 1) >= confidence) k++;
  return { low: sorted[k - 1]!, high: sorted[n - k]!, coverage: orderCoverage(n, k), lowRank: k, highRank: n + 1 - k };
}

/** Coverage of [x(k), x(n+1-k)] for the median of n samples. */
export function orderCoverage(n: number, k: number): number {
  return 1 - 2 * binomialCdf(k - 1, n, 0.5);
}
