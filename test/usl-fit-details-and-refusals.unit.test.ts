import { describe, expect, it } from 'vitest';
import { median } from '../src/measure/stats.ts';
import { bootstrapUsl, fitUsl, linearisedStart, profiledLambda, uslPeakN, uslSpeedup, uslThroughput, type RepeatedPoint, type ThroughputPoint } from '../src/measure/usl.ts';
import { createRandom } from '../src/workload/random.ts';

const counts = [1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64];
/** Throughputs on the law, λ = 40 runs per second unless given. */
const curve = (sigma: number, kappa: number, ns = counts, lambda = 40): ThroughputPoint[] => ns.map((threads) => ({ threads, throughput: uslThroughput(lambda, sigma, kappa, threads) }));
const squares = (points: readonly ThroughputPoint[], sigma: number, kappa: number, lambda: number): number => points.reduce((sum, p) => sum + (p.throughput - uslThroughput(lambda, sigma, kappa, p.threads)) ** 2, 0);
const noisy = (seed: number, spread: number): ThroughputPoint[] => {
  const random = createRandom(seed);
  return curve(0.05, 0.001).map((p) => ({ ...p, throughput: p.throughput * (1 + spread * (random.next() - 0.5)) }));
};

describe('the USL peak', () => {
  it('is infinite without a positive coherency cost, whatever σ', () => {
    expect(uslPeakN(1, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(uslPeakN(0.1, -0.001)).toBe(Number.POSITIVE_INFINITY);
    expect(uslPeakN(1.5, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('is at zero threads when contention is total or beyond', () => {
    expect(uslPeakN(1, 0.01)).toBe(0);
    expect(uslPeakN(1.5, 0.01)).toBe(0);
  });
});

describe('starting the USL fit', () => {
  it('linearises N/X = (1−σ)/λ + (σ−κ)N/λ + κN²/λ: exact to machine precision on a noise-free curve, λ included', () => {
    for (const [sigma, kappa, lambda] of [[0.05, 0.001, 40], [0.02, 0.0002, 0.003], [0.3, 0, 1e4], [0, 0.01, 1]] as const) {
      const [s, k, l] = linearisedStart(curve(sigma, kappa, counts, lambda))!;
      expect(s).toBeCloseTo(sigma, 12);
      expect(k).toBeCloseTo(kappa, 12);
      expect(l / lambda).toBeCloseTo(1, 12);
    }
  });

  it('clamps σ and κ to [0, 1] and refits λ for them; gives up when the quadratic gives no positive λ', () => {
    const superlinear = counts.map((threads) => ({ threads, throughput: 3 * threads * (1 + 0.01 * (threads - 1)) }));
    const [s, k, l] = linearisedStart(superlinear)!;
    expect(s).toBe(0);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(l).toBe(profiledLambda(superlinear, 0, k));
    // N/X = 2N − 3 exactly, which is −1 at one thread: 1/λ < 0.
    expect(linearisedStart([2, 3, 4, 5].map((threads) => ({ threads, throughput: threads / (2 * threads - 3) })))).toBeUndefined();
  });

  it('profiles λ out in closed form: Σ X·S / Σ S², the least-squares λ for the given σ and κ', () => {
    const points = noisy(5, 0.3);
    const lambda = profiledLambda(points, 0.1, 0.002);
    for (const factor of [0.999, 1.001]) expect(squares(points, 0.1, 0.002, lambda * factor)).toBeGreaterThan(squares(points, 0.1, 0.002, lambda));
    expect(profiledLambda([{ threads: 2, throughput: -1 }, { threads: 3, throughput: -1 }], 0, 0)).toBe(0);
  });
});

describe('fitting the USL', () => {
  it('is exact to machine precision on a noise-free curve, λ free (the linearised solution is already the answer)', () => {
    for (const [sigma, kappa] of [[0.05, 0.001], [0.02, 0.0002], [0.3, 0], [0, 0.01], [0.5, 0.05]] as const) {
      const fit = fitUsl(curve(sigma, kappa))!;
      expect(fit.sigma).toBeCloseTo(sigma, 12);
      expect(fit.kappa).toBeCloseTo(kappa, 12);
      expect(fit.lambda / 40).toBeCloseTo(1, 12);
      expect(fit.rmsError).toBeLessThan(1e-12);
      expect(fit.peakN).toBe(uslPeakN(fit.sigma, fit.kappa));
    }
  });

  it('is exact from only three thread counts too', () => {
    const fit = fitUsl(curve(0.1, 0.005, [1, 3, 9]))!;
    expect(fit.sigma).toBeCloseTo(0.1, 12);
    expect(fit.kappa).toBeCloseTo(0.005, 12);
    expect(fit.lambda / 40).toBeCloseTo(1, 12);
    expect(fit.points).toBe(3);
  });

  it('does not need a one-thread point: λ is fitted, not read off the first point', () => {
    const fit = fitUsl(curve(0.1, 0.005, [2, 3, 5, 8]))!;
    expect(fit.lambda / 40).toBeCloseTo(1, 12);
    expect(fit.sigma).toBeCloseTo(0.1, 12);
  });

  it('lands on a least-squares minimum of noisy throughputs: no nearby λ, σ or κ fits better', () => {
    for (const [seed, spread] of [[7, 0.04], [11, 0.2], [5, 0.3]] as const) {
      const points = noisy(seed, spread);
      const fit = fitUsl(points)!;
      const best = squares(points, fit.sigma, fit.kappa, fit.lambda);
      for (const ds of [-1e-4, 0, 1e-4]) {
        for (const dk of [-1e-6, 0, 1e-6]) {
          for (const dl of [-1e-4, 0, 1e-4]) {
            const sigma = fit.sigma + ds, kappa = fit.kappa + dk, lambda = fit.lambda * (1 + dl);
            if (sigma < 0 || kappa < 0 || sigma > 1 || kappa > 1) continue;
            expect(squares(points, sigma, kappa, lambda)).toBeGreaterThanOrEqual(best * (1 - 1e-12));
          }
        }
      }
      expect(fit.rmsError).toBeCloseTo(Math.sqrt(best / points.length) / fit.lambda, 12);
      expect(fit.rmsError).toBeGreaterThan(0);
      expect(fit.points).toBe(points.length);
    }
  });

  it('keeps σ and κ within [0, 1] when the data would want them outside (superlinear speedups), with λ fitted for the bound', () => {
    const superlinear = counts.map((threads) => ({ threads, throughput: threads * (1 + 0.01 * (threads - 1)) }));
    const fit = fitUsl(superlinear)!;
    expect(fit.sigma).toBe(0);
    expect(fit.kappa).toBe(0);
    expect(fit.peakN).toBe(Number.POSITIVE_INFINITY);
    expect(fit.lambda).toBeCloseTo(profiledLambda(superlinear, 0, 0), 12);
    expect(fit.rmsError).toBeCloseTo(Math.sqrt(squares(superlinear, 0, 0, fit.lambda) / counts.length) / fit.lambda, 12);
  });

  it('finds the minimum on a bound where the solver alone stalls: σ = 0 with κ and λ free (the shape of a 2-core knee)', () => {
    // One thread, then flat past two: the data want σ < 0. On the face σ = 0 the least squares in (κ, λ) has zero gradient.
    const knee = [[1, 1.21], [2, 2.36], [3, 2.33], [4, 2.31]].map(([threads, throughput]) => ({ threads: threads!, throughput: throughput! }));
    const fit = fitUsl(knee)!;
    expect(fit.sigma).toBe(0);
    const h = 1e-6;
    const at = (k: number, l: number): number => squares(knee, 0, k, l);
    expect((at(fit.kappa + h, fit.lambda) - at(fit.kappa - h, fit.lambda)) / (2 * h)).toBeCloseTo(0, 6);
    expect((at(fit.kappa, fit.lambda + h) - at(fit.kappa, fit.lambda - h)) / (2 * h)).toBeCloseTo(0, 6);
    // And σ is on the bound because it pulls outward: the slope in σ at 0 is positive (more σ only fits worse).
    expect(squares(knee, h, fit.kappa, fit.lambda)).toBeGreaterThan(squares(knee, 0, fit.kappa, fit.lambda));
  });

  it('still gives finite σ, κ and λ when the linearisation is degenerate (every thread count collapses to the same N − 1)', () => {
    const points = [1e-90, 2e-90, 3e-90].map((threads) => ({ threads, throughput: threads / 0.9 }));
    const fit = fitUsl(points)!;
    for (const v of [fit.sigma, fit.kappa, fit.lambda]) expect(Number.isFinite(v)).toBe(true);
    expect(fit.sigma).toBeGreaterThanOrEqual(0);
    expect(fit.sigma).toBeLessThanOrEqual(1);
    expect(fit.kappa).toBeGreaterThanOrEqual(0);
    expect(fit.kappa).toBeLessThanOrEqual(1);
  });

  it('refuses repeated thread counts that leave fewer than three distinct ones, however many points', () => {
    expect(fitUsl([...curve(0.05, 0.001, [1, 4]), ...curve(0.05, 0.001, [4, 1, 4])])).toBeUndefined();
    expect(fitUsl([])).toBeUndefined();
  });
});

/** The bootstrap, step by step as documented: the seeded draws in order (every point, the one-thread one too), medians, runs per second, a full refit each, 2.5th and 97.5th percentiles. */
function byHand(points: readonly RepeatedPoint[], seed: number, resamples: number, predictAt: number) {
  const random = createRandom(seed);
  const draw = (samples: readonly number[]): number => median(samples.map(() => samples[random.int(0, samples.length - 1)]!));
  const out = { sigma: [] as number[], kappa: [] as number[], lambda: [] as number[], peakN: [] as number[], predicted: [] as number[] };
  for (let i = 0; i < resamples; i++) {
    const fit = fitUsl(points.map((p) => ({ threads: p.threads, throughput: 1000 / draw(p.wallMs) })))!;
    out.sigma.push(fit.sigma);
    out.kappa.push(fit.kappa);
    out.lambda.push(fit.lambda);
    out.peakN.push(fit.peakN);
    out.predicted.push(uslSpeedup(fit.sigma, fit.kappa, predictAt));
  }
  return out;
}

const at = (values: number[], q: number): number => [...values].sort((a, b) => a - b)[Math.round(q * (values.length - 1))]!;
const interval = (values: number[]): { low: number; high: number } => ({ low: at(values, 0.025), high: at(values, 0.975) });

describe('bootstrapping the USL', () => {
  const random = createRandom(3);
  const repeats = (threads: number): RepeatedPoint => ({
    threads,
    wallMs: Array.from({ length: 5 }, () => (1000 / uslSpeedup(0.05, 0.001, threads)) * (1 + 0.2 * (random.next() - 0.5))),
  });
  const points = [1, 2, 4, 8, 16, 32, 64].map(repeats);

  it('takes the 2.5th and 97.5th percentiles of exactly `resamples` seeded full refits, and counts those on a bound', () => {
    for (const [seed, resamples] of [[1, 40], [9, 41], [4, 1]] as const) {
      const hand = byHand(points, seed, resamples, 100);
      const atZero = { sigma: hand.sigma.filter((v) => v === 0).length, kappa: hand.kappa.filter((v) => v === 0).length };
      const expected = { sigma: interval(hand.sigma), kappa: interval(hand.kappa), lambda: interval(hand.lambda), peakN: interval(hand.peakN), predicted: interval(hand.predicted), resamples, atZero };
      expect(bootstrapUsl(points, { seed, resamples, predictAt: 100 })).toStrictEqual(expected);
      const { predicted: _, ...withoutPrediction } = expected;
      expect(bootstrapUsl(points, { seed, resamples })).toStrictEqual(withoutPrediction);
    }
  });

  it('orders each interval low to high, and one resample makes a single point', () => {
    const many = bootstrapUsl(points, { resamples: 40, predictAt: 100 })!;
    for (const key of ['sigma', 'kappa', 'lambda', 'peakN', 'predicted'] as const) expect(many[key]!.low).toBeLessThan(many[key]!.high);
    const one = bootstrapUsl(points, { resamples: 1 })!;
    expect(one.sigma.low).toBe(one.sigma.high);
    expect(one.lambda.low).toBe(one.lambda.high);
    expect(one.resamples).toBe(1);
  });

  it('counts the refits that end on σ = 0 or κ = 0', () => {
    // Twice as fast on two threads, then slower on three and four: a sharper knee than the law can bend, so every
    // refit wants σ below zero and ends on its bound; κ, which bends the curve down, stays well inside.
    const knee: RepeatedPoint[] = [1, 2, 3, 4].map((threads) => ({ threads, wallMs: [100, 101, 99, 100.5, 99.5].map((ms) => (ms * threads) / Math.min(threads, 2)) }));
    const intervals = bootstrapUsl(knee, { resamples: 20 })!;
    expect(intervals.atZero).toEqual({ sigma: 20, kappa: 0 });
    expect(intervals.sigma).toEqual({ low: 0, high: 0 });
    expect(intervals.kappa.low).toBeGreaterThan(0.1);
  });

  it('defaults to seed 1 and 400 resamples, and refuses a resample count that is not a positive integer', () => {
    const defaults = bootstrapUsl(points.slice(0, 4))!;
    expect(defaults.resamples).toBe(400);
    expect(defaults).toStrictEqual(bootstrapUsl(points.slice(0, 4), { seed: 1, resamples: 400 }));
    for (const resamples of [0, 1.5, Number.NaN]) expect(() => bootstrapUsl(points, { resamples })).toThrow(`options.resamples must be a positive integer; got ${String(resamples)}`);
  });
});
