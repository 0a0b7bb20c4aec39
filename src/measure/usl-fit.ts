import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { uslPeakN, uslSpeedup } from './usl-law.ts';
import { linearisedStart, profiledLambda, type ThroughputPoint, type UslParameters } from './usl-start.ts';

/** The law fitted to throughputs: contention σ and coherency κ (both in [0, 1]), the one-thread throughput λ and the peak N*. */
export interface UslFit {
  readonly sigma: number;
  readonly kappa: number;
  /** The fitted one-thread throughput, in the unit of the points' throughputs. */
  readonly lambda: number;
  readonly peakN: number;
  /** Root mean square of the throughput residuals over λ: the misfit in units of speedup over the fitted λ. */
  readonly rmsError: number;
  readonly points: number;
}

/** Fewer distinct thread counts than this leave λ, σ and κ underdetermined (three points fix them exactly). */
export const USL_MIN_POINTS = 3;

/** Spread (σ, κ) guesses tried besides the linearised solution, each with its best λ. */
export const USL_GUESSES: readonly (readonly [number, number])[] = [[0.05, 0.001], [0.3, 0.01], [0.01, 0.1]];

/**
 * What every solver run gets, full fit and bootstrap refit alike: σ and κ in [0, 1], λ ≥ 0, and up to
 * 100 iterations. The solver stops early only when the sum of squares falls to `errorTolerance`, and
 * counts a step as better only when it gains more than that; on throughputs scaled to about 1 per
 * thread, 1e-20 is rounding noise, so every real gain counts and noisy data run all 100 iterations.
 */
export const USL_SOLVER = { maxIterations: 100, errorTolerance: 1e-20, minValues: [0, 0, 0], maxValues: [1, 1, Number.POSITIVE_INFINITY] } as const;

/**
 * The starting points of a fit, in the points' own units: the linearised solution (when the
 * quadratic is not degenerate), then the `USL_GUESSES`, each with its profiled λ. Every fit, the
 * full one and each bootstrap refit, starts from all of them.
 */
export function uslStarts(points: readonly ThroughputPoint[]): UslParameters[] {
  const linear = linearisedStart(points);
  return [...(linear === undefined ? [] : [linear]), ...USL_GUESSES.map(([s, k]): UslParameters => [s, k, profiledLambda(points, s, k)])];
}

function sumOfSquares(points: readonly ThroughputPoint[], [sigma, kappa, lambda]: UslParameters): number {
  return points.reduce((sum, p) => sum + (p.throughput - lambda * uslSpeedup(sigma, kappa, p.threads)) ** 2, 0);
}

/** Which of σ (0), κ (1) and λ (2) a solve moves; the others stay where the start put them. */
type Free = readonly (0 | 1 | 2)[];

/** The law's partial derivatives in σ, κ and λ at N. */
function gradient([sigma, kappa, lambda]: UslParameters, n: number): [number, number, number] {
  const d = 1 + sigma * (n - 1) + kappa * n * (n - 1);
  return [(-lambda * n * (n - 1)) / (d * d), (-lambda * n * n * (n - 1)) / (d * d), n / d];
}

/** One Levenberg-Marquardt run from `start`, moving only the `free` parameters within `USL_SOLVER`'s bounds. */
function solve(data: { readonly x: number[]; readonly y: number[] }, start: UslParameters, free: Free): UslParameters {
  const p: [number, number, number] = [...start];
  const put = (values: readonly number[]): void => {
    for (let i = 0; i < free.length; i++) p[free[i]!] = values[i]!;
  };
  const { parameterValues } = levenbergMarquardt(
    data,
    (values) => {
      put(values);
      const [sigma, kappa, lambda] = p;
      return (n) => lambda * uslSpeedup(sigma, kappa, n);
    },
    {
      initialValues: free.map((k) => start[k]),
      minValues: free.map((k) => USL_SOLVER.minValues[k]),
      maxValues: free.map((k) => USL_SOLVER.maxValues[k]),
      maxIterations: USL_SOLVER.maxIterations,
      errorTolerance: USL_SOLVER.errorTolerance,
      jacobianFunction: (values) => {
        put(values);
        const [sigma, kappa, lambda] = p;
        return (n) => {
          const all = gradient([sigma, kappa, lambda], n);
          return free.map((k) => all[k]);
        };
      },
    },
  );
  put(parameterValues);
  return [p[0], p[1], p[2]];
}

/**
 * Fits λ, σ and κ of X(N) = λN / (1 + σ(N−1) + κN(N−1)) to measured throughputs by nonlinear
 * least squares, as Gunther and codahale/usl do (λ free, not pinned to the one-thread point).
 * The throughputs are first divided by their largest per-thread value, so that λ is near 1 and
 * the solver's damping sees parameters of like size (least squares does not care: λ scales back).
 * Levenberg-Marquardt (`ml-levenberg-marquardt`, with the law's exact Jacobian) runs from every
 * one of `uslStarts` with all three free; the solver clamps at a bound and can stall there, so
 * the best of those is then refitted on each face of the box, with σ = 0 (κ and λ free) and with
 * κ = 0 (σ and λ free), λ refitted for the face. The least sum of squares wins. Undefined with
 * fewer than `USL_MIN_POINTS` distinct thread counts.
 */
export function fitUsl(points: readonly ThroughputPoint[]): UslFit | undefined {
  if (new Set(points.map((p) => p.threads)).size < USL_MIN_POINTS) return undefined;
  const largest = Math.max(...points.map((p) => p.throughput / p.threads));
  const scale = largest > 0 && Number.isFinite(largest) ? largest : 1;
  const scaled = points.map((p) => ({ threads: p.threads, throughput: p.throughput / scale }));
  const data = { x: scaled.map((p) => p.threads), y: scaled.map((p) => p.throughput) };
  const starts = uslStarts(scaled);
  let best = starts[0]!;
  let bestSquares = sumOfSquares(scaled, best);
  const keep = (candidate: UslParameters): void => {
    const squares = sumOfSquares(scaled, candidate);
    if (squares < bestSquares) [best, bestSquares] = [candidate, squares];
  };
  for (const start of starts) keep(solve(data, start, [0, 1, 2]));
  const [s, k] = best;
  keep(solve(data, [0, k, profiledLambda(scaled, 0, k)], [1, 2]));
  keep(solve(data, [s, 0, profiledLambda(scaled, s, 0)], [0, 2]));
  const [sigma, kappa, lambda] = best;
  return { sigma, kappa, lambda: lambda * scale, peakN: uslPeakN(sigma, kappa), rmsError: Math.sqrt(bestSquares / points.length) / lambda, points: points.length };
}
