import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { createRandom } from '../workload/random.ts';
import type { SpeedupPoint } from './amdahl.ts';
import { median } from './stats.ts';

/**
 * Gunther's Universal Scalability Law, as relative capacity (speedup over one thread):
 * S(N) = N / (1 + σ(N−1) + κN(N−1)). σ is contention (the share that queues for something
 * shared, Amdahl's serial fraction), κ coherency (the cost of keeping N workers in step, which
 * grows with every pair of them and makes the curve fall past its peak).
 */
export function uslSpeedup(sigma: number, kappa: number, threads: number): number {
  return threads / (1 + sigma * (threads - 1) + kappa * threads * (threads - 1));
}

/** Where the law peaks, N* = √((1−σ)/κ); without coherency cost (κ = 0) it never peaks: Infinity. */
export function uslPeakN(sigma: number, kappa: number): number {
  if (!(kappa > 0)) return Number.POSITIVE_INFINITY;
  return Math.sqrt(Math.max(0, 1 - sigma) / kappa);
}

export interface UslFit {
  readonly sigma: number;
  readonly kappa: number;
  readonly peakN: number;
  /** Root mean square of speedup residuals over the fitted points. */
  readonly rmsError: number;
  readonly points: number;
}

/** Fewer points than this leave σ and κ underdetermined (the one-thread point only fixes the scale). */
export const USL_MIN_POINTS = 3;

/**
 * Gunther's linearisation, y = N/S − 1 = (σ+κ)x + κx² with x = N − 1, solved by least squares
 * through the origin: a starting point for the nonlinear fit, and exact on noise-free data.
 */
function linearisedStart(points: readonly SpeedupPoint[]): [number, number] {
  let sxx = 0, sxxx = 0, sxxxx = 0, sxy = 0, sxxy = 0;
  for (const { threads, speedup } of points) {
    const x = threads - 1;
    const y = threads / speedup - 1;
    sxx += x * x;
    sxxx += x * x * x;
    sxxxx += x * x * x * x;
    sxy += x * y;
    sxxy += x * x * y;
  }
  const det = sxx * sxxxx - sxxx * sxxx;
  if (!(Math.abs(det) > 0)) return [0.05, 0.001];
  const a = (sxy * sxxxx - sxxy * sxxx) / det;
  const kappa = Math.max(0, (sxx * sxxy - sxxx * sxy) / det);
  return [Math.min(1, Math.max(0, a - kappa)), kappa];
}

function sumOfSquares(points: readonly SpeedupPoint[], sigma: number, kappa: number): number {
  return points.reduce((sum, p) => sum + (p.speedup - uslSpeedup(sigma, kappa, p.threads)) ** 2, 0);
}

/**
 * Fits σ and κ (both kept in [0, 1]) to measured speedups by nonlinear least squares
 * (Levenberg-Marquardt, `ml-levenberg-marquardt`, with the law's exact Jacobian), started from
 * the linearised solution and from a few spread guesses, keeping the best. Undefined with fewer
 * than `USL_MIN_POINTS` distinct thread counts.
 */
export function fitUsl(points: readonly SpeedupPoint[], near?: readonly [number, number]): UslFit | undefined {
  if (new Set(points.map((p) => p.threads)).size < USL_MIN_POINTS) return undefined;
  const data = { x: points.map((p) => p.threads), y: points.map((p) => p.speedup) };
  // A bootstrap refit starts from the linearised solution and the full fit (`near`): resamples lie close to it.
  const starts: [number, number][] = near === undefined ? [linearisedStart(points), [0.05, 0.001], [0.3, 0.01], [0.01, 0.1]] : [linearisedStart(points), [near[0], near[1]]];
  let best: [number, number] = starts[0]!;
  let bestSquares = sumOfSquares(points, ...best);
  for (const initialValues of starts) {
    const { parameterValues } = levenbergMarquardt(data, ([sigma, kappa]) => (n) => uslSpeedup(sigma!, kappa!, n), {
      initialValues,
      minValues: [0, 0],
      maxValues: [1, 1],
      maxIterations: near === undefined ? 100 : 30,
      errorTolerance: 1e-10,
      jacobianFunction: ([sigma, kappa]) => (n) => {
        const d = 1 + sigma! * (n - 1) + kappa! * n * (n - 1);
        return [(-n * (n - 1)) / (d * d), (-n * n * (n - 1)) / (d * d)];
      },
    });
    const candidate: [number, number] = [parameterValues[0]!, parameterValues[1]!];
    const squares = sumOfSquares(points, ...candidate);
    if (squares < bestSquares) [best, bestSquares] = [candidate, squares];
  }
  const [sigma, kappa] = best;
  return { sigma, kappa, peakN: uslPeakN(sigma, kappa), rmsError: Math.sqrt(bestSquares / points.length), points: points.length };
}

/** A 95% percentile interval. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

export interface UslIntervals {
  readonly sigma: Interval;
  readonly kappa: Interval;
  readonly peakN: Interval;
  /** The model's speedup at the `predictAt` thread count, when one was asked for. */
  readonly predicted?: Interval;
  readonly resamples: number;
}

/** Timed repeats of one thread count, ms. */
export interface RepeatedPoint {
  readonly threads: number;
  readonly wallMs: readonly number[];
}

const percentile = (sorted: readonly number[], q: number): number => {
  const index = Math.max(0, Math.round(q * (sorted.length - 1)));
  // Stryker disable next-line ArithmeticOperator: this clamp never binds for q in [0, 1] (the rounded index is at most length − 1).
  return sorted[Math.min(sorted.length - 1, index)]!;
};

/**
 * Seeded percentile bootstrap over the repeats: each resample redraws every thread count's
 * repeats (the one-thread baseline included) with replacement, takes the medians, refits, and
 * the 2.5th and 97.5th percentiles of σ, κ and N* make the intervals. `baseline` is the
 * one-thread point; `points` are those to fit (they may include it).
 */
export function bootstrapUsl(baseline: RepeatedPoint, points: readonly RepeatedPoint[], options: { readonly seed?: number; readonly resamples?: number; readonly predictAt?: number } = {}): UslIntervals | undefined {
  const { seed = 1, resamples = 400, predictAt } = options;
  const whole = fitUsl(points.map((p) => ({ threads: p.threads, speedup: median(baseline.wallMs) / median(p.wallMs) })));
  if (whole === undefined) return undefined;
  const random = createRandom(seed);
  const draw = (samples: readonly number[]): number => median(samples.map(() => samples[random.int(0, samples.length - 1)]!));
  const sigmas: number[] = [];
  const kappas: number[] = [];
  const peaks: number[] = [];
  const predictions: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const base = draw(baseline.wallMs);
    const fit = fitUsl(points.map((p) => ({ threads: p.threads, speedup: base / (p.threads === baseline.threads ? base : draw(p.wallMs)) })), [whole.sigma, whole.kappa]);
    // Stryker disable next-line ConditionalExpression: a refit has the whole fit's thread counts, which already passed the distinct-count check; the guard is for the type (its `true` twin is killed by the tests).
    if (fit === undefined) return undefined;
    sigmas.push(fit.sigma);
    kappas.push(fit.kappa);
    peaks.push(fit.peakN);
    // Stryker disable next-line ConditionalExpression: without predictAt the predictions (NaN) are never read; the guard only saves the work (its `false` twin is killed by the tests).
    if (predictAt !== undefined) predictions.push(uslSpeedup(fit.sigma, fit.kappa, predictAt));
  }
  const interval = (values: number[]): Interval => {
    values.sort((a, b) => a - b);
    return { low: percentile(values, 0.025), high: percentile(values, 0.975) };
  };
  return { sigma: interval(sigmas), kappa: interval(kappas), peakN: interval(peaks), ...(predictAt !== undefined && { predicted: interval(predictions) }), resamples };
}
