/** A summary of repeated measurements (milliseconds, or any unit). */
export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Sample standard deviation (n - 1 in the denominator); 0 for a single sample. */
  readonly sd: number;
  /** (max - min) / median: how far apart the repeats landed. */
  readonly relativeSpread: number;
}

/** Median of the samples (mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
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

export function summarize(samples: readonly number[]): Summary {
  const med = median(samples);
  const min = Math.min(...samples);
  const max = Math.max(...samples);
  return {
    n: samples.length,
    median: med,
    mean: mean(samples),
    min,
    max,
    sd: standardDeviation(samples),
    relativeSpread: med === 0 ? 0 : (max - min) / med,
  };
}
