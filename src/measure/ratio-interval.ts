import { createRandom } from '../workload/random.ts';
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
  // Each resample is drawn into a reused typed array, whose sort is numeric without a comparator: the
  // same draws and medians as sorting copies, several times faster (compare's gate runs one per row).
  const scratch = { numerator: new Float64Array(numerator.length), denominator: new Float64Array(denominator.length) };
  const drawnMedian = (samples: readonly number[], into: Float64Array): number => {
    for (let i = 0; i < samples.length; i++) into[i] = samples[random.int(0, samples.length - 1)]!;
    into.sort();
    const mid = into.length >> 1;
    return into.length % 2 === 1 ? into[mid]! : (into[mid - 1]! + into[mid]!) / 2;
  };
  const ratios: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const top = drawnMedian(numerator, scratch.numerator);
    ratios.push(top / drawnMedian(denominator, scratch.denominator));
  }
  ratios.sort((a, b) => a - b);
  return { low: ratios[Math.floor(0.025 * resamples)]!, high: ratios[Math.ceil(0.975 * resamples) - 1]!, coverage: 0.95, method: 'bootstrap, unpaired' };
}
