import { createRandom } from '../workload/random.ts';
import { fitUsl, USL_MIN_POINTS, type UslFit } from './usl-fit.ts';
import { uslSpeedup } from './usl-law.ts';
import type { ThroughputPoint } from './usl-start.ts';
import { median } from './stats.ts';

/** A 95% percentile interval. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

export interface UslIntervals {
  readonly sigma: Interval;
  readonly kappa: Interval;
  /** The one-thread throughput λ, in runs per second. */
  readonly lambda: Interval;
  readonly peakN: Interval;
  /** The model's speedup over λ at the `predictAt` thread count, when one was asked for. */
  readonly predicted?: Interval;
  readonly resamples: number;
  /** How many refits ended on the bound σ = 0, and on κ = 0: there the data pulled past what the law allows, and the interval's end is the bound, not the data's spread. */
  readonly atZero: { readonly sigma: number; readonly kappa: number };
}

/** Timed repeats of one thread count, ms; each is a run of the same total work. */
export interface RepeatedPoint {
  readonly threads: number;
  readonly wallMs: readonly number[];
}

/** Runs per second from one run's wall time: the same total work at every thread count, so throughput is 1/wall. */
export const runsPerSecond = (wallMs: number): number => 1000 / wallMs;

/**
 * The seeded resamples of a bootstrap, in order: each redraws every point's repeats with
 * replacement (the points in the order given, each draw one `random.int`), takes the median
 * wall time and turns it into runs per second.
 */
export function* uslResamples(points: readonly RepeatedPoint[], seed: number, resamples: number): Generator<ThroughputPoint[]> {
  const random = createRandom(seed);
  const draw = (samples: readonly number[]): number => median(samples.map(() => samples[random.int(0, samples.length - 1)]!));
  for (let i = 0; i < resamples; i++) yield points.map((p) => ({ threads: p.threads, throughput: runsPerSecond(draw(p.wallMs)) }));
}

const percentile = (sorted: readonly number[], q: number): number => {
  const index = Math.max(0, Math.round(q * (sorted.length - 1)));
  // Stryker disable next-line ArithmeticOperator: this clamp never binds for q in [0, 1] (the rounded index is at most length − 1).
  return sorted[Math.min(sorted.length - 1, index)]!;
};

/** The 2.5th and 97.5th percentiles of `values` (sorted in place). */
export function percentileInterval(values: number[]): Interval {
  values.sort((a, b) => a - b);
  return { low: percentile(values, 0.025), high: percentile(values, 0.975) };
}

/**
 * Seeded percentile bootstrap over the repeats: each of `uslResamples` is refitted exactly as
 * the full fit is (`fitUsl`: the same starts, iteration cap and tolerance; nothing carried over
 * from the full fit), and the 2.5th and 97.5th percentiles of σ, κ, λ and N* make the intervals.
 * Undefined when the points cannot be fitted (fewer than three distinct thread counts).
 */
export function bootstrapUsl(points: readonly RepeatedPoint[], options: { readonly seed?: number; readonly resamples?: number; readonly predictAt?: number } = {}): UslIntervals | undefined {
  const { seed = 1, resamples = 400, predictAt } = options;
  if (!(Number.isInteger(resamples) && resamples >= 1)) throw new RangeError(`options.resamples must be a positive integer; got ${String(resamples)}`);
  if (new Set(points.map((p) => p.threads)).size < USL_MIN_POINTS) return undefined;
  const fits: UslFit[] = [];
  for (const resample of uslResamples(points, seed, resamples)) fits.push(fitUsl(resample)!);
  const of = (pick: (f: UslFit) => number): Interval => percentileInterval(fits.map(pick));
  return {
    sigma: of((f) => f.sigma),
    kappa: of((f) => f.kappa),
    lambda: of((f) => f.lambda),
    peakN: of((f) => f.peakN),
    ...(predictAt !== undefined && { predicted: of((f) => uslSpeedup(f.sigma, f.kappa, predictAt)) }),
    resamples,
    atZero: { sigma: fits.filter((f) => f.sigma === 0).length, kappa: fits.filter((f) => f.kappa === 0).length },
  };
}
