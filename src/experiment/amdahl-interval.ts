import { fitAmdahl } from '../measure/amdahl.ts';
import { BOOTSTRAP_RESAMPLES } from '../measure/ratio-interval.ts';
import { median } from '../measure/stats.ts';
import { percentileInterval, type Interval, type RepeatedPoint } from '../measure/usl.ts';
import { createRandom } from '../workload/random.ts';

/** The Amdahl fit's 95% intervals: the serial fraction s, and the ceiling 1/s it implies (Infinity where s reaches 0). */
export interface AmdahlIntervals {
  readonly serialFraction: Interval;
  readonly maxSpeedup: Interval;
  readonly resamples: number;
}

/**
 * A seeded percentile bootstrap of the Amdahl fit over the repeats. Each thread count was timed in
 * its own block, so every resample redraws each count's runs on their own, with replacement, takes
 * the medians, turns them into speedups over the one-thread median and refits (`fitAmdahl`). The
 * ceiling's interval is 1/s at the ends of s's. Undefined without a one-thread point, without a
 * count above one, or when a point has fewer than two runs (nothing to resample).
 */
export function bootstrapAmdahl(points: readonly RepeatedPoint[], options: { readonly seed?: number; readonly resamples?: number } = {}): AmdahlIntervals | undefined {
  const { seed = 1, resamples = BOOTSTRAP_RESAMPLES } = options;
  if (!(Number.isInteger(resamples) && resamples >= 1)) throw new RangeError(`options.resamples must be a positive integer; got ${String(resamples)}`);
  const base = points.find((p) => p.threads === 1);
  const others = points.filter((p) => p.threads > 1);
  if (base === undefined || others.length === 0 || points.some((p) => p.wallMs.length < 2)) return undefined;
  const random = createRandom(seed);
  const draw = (samples: readonly number[]): number => median(samples.map(() => samples[random.int(0, samples.length - 1)]!));
  const fractions: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const oneThreadMs = draw(base.wallMs);
    fractions.push(fitAmdahl(others.map((p) => ({ threads: p.threads, speedup: oneThreadMs / draw(p.wallMs) })))!.serialFraction);
  }
  const serialFraction = percentileInterval(fractions);
  const ceiling = (s: number): number => (s === 0 ? Number.POSITIVE_INFINITY : 1 / s);
  return { serialFraction, maxSpeedup: { low: ceiling(serialFraction.high), high: ceiling(serialFraction.low) }, resamples };
}
