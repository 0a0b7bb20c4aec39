import { expect } from 'vitest';
import { bootstrapUsl, percentileInterval, uslResamples, uslSpeedup, type Interval, type RepeatedPoint, type ThroughputPoint } from '../../src/measure/usl.ts';
import { createRandom } from '../../src/workload/random.ts';

// An independent check of the bootstrap's fits: a plain grid search, sharing nothing with the fit but the law.
// λ enters the law linearly, so for each (σ, κ) the least-squares λ is Σ X·S / Σ S², and only σ and κ are gridded,
// one inside the other: for each σ on a grid over [0, 1], the best κ on a grid over log10 κ in [−9, 0] (κ = 0 at the
// floor); each grid is then redrawn, five times finer, between the neighbours of its best node. Nesting the grids
// (profiling κ out for each σ) keeps a thin, tilted valley from slipping between the nodes of one coarse 2-D grid.

const KAPPA_FLOOR = -9;
// exp(u ln 10) rather than 10 ** u: the same κ to the last bit or two, at a third of the cost, in the
// search's innermost call (about 20 million a run of the two test files).
const kappaAt = (u: number): number => (u <= KAPPA_FLOOR ? 0 : Math.exp(u * Math.LN10));

/** A resample's points as two columns, read by the innermost loop without an object per point. */
interface Columns {
  readonly threads: Float64Array;
  readonly throughput: Float64Array;
}

const columnsOf = (points: readonly ThroughputPoint[]): Columns => ({ threads: Float64Array.from(points, (p) => p.threads), throughput: Float64Array.from(points, (p) => p.throughput) });

function profile({ threads, throughput }: Columns, sigma: number, kappa: number): { readonly lambda: number; readonly squares: number } {
  let xx = 0, xs = 0, ss = 0;
  for (let i = 0; i < threads.length; i++) {
    const n = threads[i]!;
    const x = throughput[i]!;
    const s = n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    xx += x * x;
    xs += x * s;
    ss += s * s;
  }
  const lambda = Math.max(0, xs / ss);
  return { lambda, squares: xx - 2 * lambda * xs + lambda * lambda * ss };
}

/**
 * The node of least `f` on a grid over [low, high]: `first` steps, then 10 steps between the best node's neighbours,
 * `levels` times. Six levels narrow a node to a millionth of the range, far below a tenth of any interval's width.
 */
function gridMin(f: (x: number) => number, low: number, high: number, first: number, levels = 6): { readonly at: number; readonly value: number } {
  let best = { at: low, value: Number.POSITIVE_INFINITY };
  let steps = first;
  for (let level = 0; level < levels; level++) {
    const h = (high - low) / steps;
    for (let i = 0; i <= steps; i++) {
      const x = low + h * i;
      const value = f(x);
      if (value < best.value) best = { at: x, value };
    }
    [low, high, steps] = [Math.max(low, best.at - h), Math.min(high, best.at + h), 10];
  }
  return best;
}

function gridFit(resample: readonly ThroughputPoint[]): { readonly sigma: number; readonly kappa: number; readonly lambda: number } {
  const points = columnsOf(resample);
  const bestKappa = (sigma: number): { readonly at: number; readonly value: number } => gridMin((u) => profile(points, sigma, kappaAt(u)).squares, KAPPA_FLOOR, 0, 45);
  const sigma = gridMin((s) => bestKappa(s).value, 0, 1, 50).at;
  const kappa = kappaAt(bestKappa(sigma).at);
  return { sigma, kappa, lambda: profile(points, sigma, kappa).lambda };
}

/** Data set `seed`: a seeded true λ, σ, κ, thread counts, repeats and noise (some with σ = 0 or κ = 0, where the bounds bind). */
export function dataSet(seed: number): RepeatedPoint[] {
  const random = createRandom(seed);
  const ladders = [[1, 2, 3, 4], [1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 4, 8, 16, 32], [1, 2, 4, 6, 8, 12, 16, 24]];
  const counts = ladders[seed % ladders.length]!;
  const sigma = seed % 5 === 0 ? 0 : 0.2 * random.next();
  const kappa = seed % 7 === 0 ? 0 : 0.02 * random.next() ** 2;
  const oneThreadMs = 50 + 1000 * random.next();
  const noise = 0.02 + 0.1 * random.next();
  return counts.map((threads) => ({ threads, wallMs: Array.from({ length: 5 }, () => (oneThreadMs / uslSpeedup(sigma, kappa, threads)) * (1 + noise * (random.next() - 0.5))) }));
}

const RESAMPLES = 100;

/** Data set `seed`'s bootstrap intervals held against a grid search on the same resamples: each end within a tenth of the width. */
export function expectBootstrapToAgreeWithGrid(seed: number): void {
  const points = dataSet(seed);
  const boot = bootstrapUsl(points, { seed, resamples: RESAMPLES })!;
  const grids = [...uslResamples(points, seed, RESAMPLES)].map(gridFit);
  for (const key of ['sigma', 'kappa', 'lambda'] as const) {
    const grid: Interval = percentileInterval(grids.map((g) => g[key]));
    const width = Math.max(grid.high - grid.low, boot[key].high - boot[key].low);
    expect(Math.abs(boot[key].low - grid.low), `${key} low: bootstrap ${boot[key].low}, grid ${grid.low}`).toBeLessThanOrEqual(0.1 * width);
    expect(Math.abs(boot[key].high - grid.high), `${key} high: bootstrap ${boot[key].high}, grid ${grid.high}`).toBeLessThanOrEqual(0.1 * width);
  }
}
