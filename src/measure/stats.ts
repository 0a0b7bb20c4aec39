import { medianInterval } from './median-interval.ts';
import { tCritical95 } from './student-t.ts';

/** Above this relative standard deviation (sd / mean) a measurement is flagged as noisy. */
export const NOISE_THRESHOLD = 0.05;

/** A summary of repeated measurements (milliseconds, or any unit). */
export interface Summary {
  readonly n: number;
  readonly median: number;
  /** The median's distribution-free interval (order statistics), covering it with `medianCoverage`. */
  readonly medianLow: number;
  readonly medianHigh: number;
  /** 0.95 or more, unless the samples are too few for that (5 samples: 0.9375). */
  readonly medianCoverage: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Sample standard deviation (n - 1 in the denominator); 0 for a single sample. */
  readonly sd: number;
  /** Half-width of the 95% confidence interval of the mean (Student t), not of the median; 0 for a single sample. */
  readonly meanCi95: number;
  /** sd / mean: how much the repeats varied. */
  readonly rsd: number;
  /** rsd above NOISE_THRESHOLD. */
  readonly noisy: boolean;
}

/** Median of the samples (mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median of no samples');
  // A typed array sorts by value without a comparator call per step: bootstraps take medians by the thousand.
  const sorted = Float64Array.from(samples).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('mean of no samples');
  return samples.reduce((sum, x) => sum + x, 0) / samples.length;
}

/** Sample standard deviation; 0 for fewer than two samples. */
export function standardDeviation(samples: readonly number[]): number {
  if (samples.length < 2) return 0;
  const m = mean(samples);
  return Math.sqrt(samples.reduce((sum, x) => sum + (x - m) ** 2, 0) / (samples.length - 1));
}

/** Half-width of the 95% confidence interval of the mean: t(0.975, n - 1) * sd / sqrt(n). */
export function confidenceHalfWidth95(samples: readonly number[]): number {
  if (samples.length < 2) return 0;
  return (tCritical95(samples.length - 1) * standardDeviation(samples)) / Math.sqrt(samples.length);
}

export function summarize(samples: readonly number[]): Summary {
  const m = mean(samples);
  const sd = standardDeviation(samples);
  const rsd = m === 0 ? 0 : sd / m;
  const interval = medianInterval(samples);
  return {
    n: samples.length,
    median: median(samples),
    medianLow: interval.low,
    medianHigh: interval.high,
    medianCoverage: interval.coverage,
    mean: m,
    min: Math.min(...samples),
    max: Math.max(...samples),
    sd,
    meanCi95: confidenceHalfWidth95(samples),
    rsd,
    noisy: rsd > NOISE_THRESHOLD,
  };
}
