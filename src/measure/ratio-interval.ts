import { createRandom, type Random } from '../workload/random.ts';
import { medianInterval } from './median-interval.ts';

/** How a ratio's interval was found: paired rounds are the stronger design; blocks measured apart need the bootstrap. */
export type RatioMethod = 'paired rounds' | 'bootstrap, unpaired';

/** A 95% interval of a ratio of two times (a speedup). */
export interface RatioInterval {
  readonly low: number;
  readonly high: number;
  /** Coverage achieved (paired rounds: the order-statistic coverage; bootstrap: the nominal 95%). */
  readonly coverage: number;
  readonly method: RatioMethod;
}

/** Resamples in a bootstrap: enough for stable 2.5% and 97.5% percentiles. */
export const BOOTSTRAP_RESAMPLES = 2000;

/**
 * The interval of the median per-round ratio numerator[i] / denominator[i], where both were
 * measured in the same round (modes taking turns), from the order statistics of the ratios.
 */
export function pairedRatioInterval(numerator: readonly number[], denominator: readonly number[]): RatioInterval {
  if (numerator.length !== denominator.length) throw new RangeError(`paired samples must have equal lengths, got ${numerator.length} and ${denominator.length}`);
  const { low, high, coverage } = medianInterval(numerator.map((x, i) => x / denominator[i]!));
  return { low, high, coverage, method: 'paired rounds' };
}

/**
 * A seeded percentile bootstrap of median(numerator) / median(denominator) for samples measured
 * apart (no rounds to pair them by): each resample draws both sets afresh, with replacement.
 */
export function bootstrapRatioInterval(numerator: readonly number[], denominator: readonly number[], seed = 1, resamples = BOOTSTRAP_RESAMPLES): RatioInterval {
  if (numerator.length === 0 || denominator.length === 0) throw new RangeError('bootstrap of no samples');
  const random = createRandom(seed);
  const drawTop = resampledMedian(numerator, random);
  const drawBottom = resampledMedian(denominator, random);
  // A typed array sorts by value without a comparator call per step (NaN last): the sort took a fifth of the time.
  const ratios = new Float64Array(resamples);
  for (let i = 0; i < resamples; i++) {
    const top = drawTop();
    ratios[i] = top / drawBottom();
  }
  ratios.sort();
  return { low: ratios[Math.floor(0.025 * resamples)]!, high: ratios[Math.ceil(0.975 * resamples) - 1]!, coverage: 0.95, method: 'bootstrap, unpaired' };
}

/**
 * Draws a resample of `samples` (with replacement, `random.int` once a draw) and gives its median.
 * The samples are sorted once; a resample is then counts of each sample's place in that order, and
 * its median is read off the counts: the same draws and the same medians as sorting each resample,
 * without a sort per resample (compare's gate bootstraps every row of every side).
 */
function resampledMedian(samples: readonly number[], random: Random): () => number {
  const n = samples.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => samples[a]! - samples[b]!);
  const sorted = Float64Array.from(order, (i) => samples[i]!);
  const placeOf = new Int32Array(n);
  order.forEach((sample, place) => (placeOf[sample] = place));
  const counts = new Int32Array(n);
  // 0-based positions of the middle values in a sorted resample: one for odd n, two for even n.
  const lowerMiddle = (n - 1) >> 1;
  const upperMiddle = n >> 1;
  return () => {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[placeOf[random.int(0, n - 1)]!]!++;
    let before = 0;
    let place = 0;
    while (before + counts[place]! <= lowerMiddle) before += counts[place++]!;
    const lower = sorted[place]!;
    // For odd n the two middles are one place: this finds the same one, and (x + x) / 2 is x exactly.
    while (before + counts[place]! <= upperMiddle) before += counts[place++]!;
    return (lower + sorted[place]!) / 2;
  };
}
