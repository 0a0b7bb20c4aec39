import { describe, expect, it } from 'vitest';
import { median } from '../src/measure/stats.ts';
import { bootstrapUsl, fitUsl, uslPeakN, uslSpeedup, type RepeatedPoint } from '../src/measure/usl.ts';
import { createRandom } from '../src/workload/random.ts';

type Point = { threads: number; speedup: number };
const counts = [1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64];
const curve = (sigma: number, kappa: number, ns = counts): Point[] => ns.map((threads) => ({ threads, speedup: uslSpeedup(sigma, kappa, threads) }));
const squares = (points: readonly Point[], sigma: number, kappa: number): number => points.reduce((sum, p) => sum + (p.speedup - uslSpeedup(sigma, kappa, p.threads)) ** 2, 0);
const noisy = (seed: number, spread: number): Point[] => {
  const random = createRandom(seed);
  return curve(0.05, 0.001).map((p) => ({ ...p, speedup: p.threads === 1 ? 1 : p.speedup * (1 + spread * (random.next() - 0.5)) }));
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

describe('fitting the USL', () => {
  it('is exact to machine precision on a noise-free curve (the linearised solution is already the answer)', () => {
    for (const [sigma, kappa] of [[0.05, 0.001], [0.02, 0.0002], [0.3, 0], [0, 0.01], [0.5, 0.05]] as const) {
      const fit = fitUsl(curve(sigma, kappa))!;
      expect(fit.sigma).toBeCloseTo(sigma, 12);
      expect(fit.kappa).toBeCloseTo(kappa, 12);
      expect(fit.rmsError).toBeLessThan(1e-12);
      expect(fit.peakN).toBe(uslPeakN(fit.sigma, fit.kappa));
    }
  });

  it('is exact from only three thread counts too', () => {
    const fit = fitUsl(curve(0.1, 0.005, [1, 3, 9]))!;
    expect(fit.sigma).toBeCloseTo(0.1, 12);
    expect(fit.kappa).toBeCloseTo(0.005, 12);
    expect(fit.points).toBe(3);
  });

  it('lands on a least-squares minimum of noisy speedups: no nearby σ or κ fits better', () => {
    for (const [seed, spread] of [[7, 0.04], [11, 0.2], [5, 0.3]] as const) {
      const points = noisy(seed, spread);
      const fit = fitUsl(points)!;
      const best = squares(points, fit.sigma, fit.kappa);
      for (const [ds, dk] of [[1e-4, 0], [-1e-4, 0], [0, 1e-6], [0, -1e-6], [1e-4, 1e-6], [-1e-4, -1e-6], [1e-4, -1e-6], [-1e-4, 1e-6]] as const) {
        const sigma = fit.sigma + ds, kappa = fit.kappa + dk;
        if (sigma < 0 || kappa < 0 || sigma > 1 || kappa > 1) continue;
        expect(squares(points, sigma, kappa)).toBeGreaterThanOrEqual(best - 1e-9);
      }
      expect(fit.rmsError).toBeCloseTo(Math.sqrt(best / points.length), 12);
      expect(fit.rmsError).toBeGreaterThan(0);
      expect(fit.points).toBe(points.length);
    }
  });

  it('keeps σ and κ within [0, 1] when the data would want them outside (superlinear speedups)', () => {
    const superlinear = counts.map((threads) => ({ threads, speedup: threads * (1 + 0.01 * (threads - 1)) }));
    const fit = fitUsl(superlinear)!;
    expect(fit.sigma).toBe(0);
    expect(fit.kappa).toBe(0);
    expect(fit.peakN).toBe(Number.POSITIVE_INFINITY);
    expect(fit.rmsError).toBeCloseTo(Math.sqrt(squares(superlinear, 0, 0) / counts.length), 12);
  });

  it('still gives finite σ and κ when the linearisation is degenerate (every thread count collapses to the same N − 1)', () => {
    const points = [1e-90, 2e-90, 3e-90].map((threads) => ({ threads, speedup: threads / 0.9 }));
    const fit = fitUsl(points)!;
    expect(Number.isFinite(fit.sigma)).toBe(true);
    expect(Number.isFinite(fit.kappa)).toBe(true);
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

/** The bootstrap, step by step as documented: the seeded draws in order, medians, refits near the full fit, 2.5th and 97.5th percentiles. */
function byHand(baseline: RepeatedPoint, points: readonly RepeatedPoint[], seed: number, resamples: number, predictAt: number): { sigma: number[]; kappa: number[]; peakN: number[]; predicted: number[] } {
  const whole = fitUsl(points.map((p) => ({ threads: p.threads, speedup: median(baseline.wallMs) / median(p.wallMs) })))!;
  const random = createRandom(seed);
  const draw = (samples: readonly number[]): number => median(samples.map(() => samples[random.int(0, samples.length - 1)]!));
  const out = { sigma: [] as number[], kappa: [] as number[], peakN: [] as number[], predicted: [] as number[] };
  for (let i = 0; i < resamples; i++) {
    const base = draw(baseline.wallMs);
    const fit = fitUsl(points.map((p) => ({ threads: p.threads, speedup: p.threads === baseline.threads ? 1 : base / draw(p.wallMs) })), [whole.sigma, whole.kappa])!;
    out.sigma.push(fit.sigma);
    out.kappa.push(fit.kappa);
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

  it('takes the 2.5th and 97.5th percentiles of exactly `resamples` seeded refits', () => {
    for (const [seed, resamples] of [[1, 40], [9, 41], [4, 1]] as const) {
      const hand = byHand(points[0]!, points, seed, resamples, 100);
      const expected = { sigma: interval(hand.sigma), kappa: interval(hand.kappa), peakN: interval(hand.peakN), predicted: interval(hand.predicted), resamples };
      expect(bootstrapUsl(points[0]!, points, { seed, resamples, predictAt: 100 })).toStrictEqual(expected);
      const { predicted: _, ...withoutPrediction } = expected;
      expect(bootstrapUsl(points[0]!, points, { seed, resamples })).toStrictEqual(withoutPrediction);
    }
  });

  it('orders each interval low to high, and one resample makes a single point', () => {
    const many = bootstrapUsl(points[0]!, points, { resamples: 40, predictAt: 100 })!;
    for (const key of ['sigma', 'kappa', 'peakN', 'predicted'] as const) expect(many[key]!.low).toBeLessThan(many[key]!.high);
    const one = bootstrapUsl(points[0]!, points, { resamples: 1 })!;
    expect(one.sigma.low).toBe(one.sigma.high);
    expect(one.resamples).toBe(1);
  });

  it('defaults to seed 1 and 400 resamples', () => {
    const defaults = bootstrapUsl(points[0]!, points.slice(0, 4))!;
    expect(defaults.resamples).toBe(400);
    expect(defaults).toStrictEqual(bootstrapUsl(points[0]!, points.slice(0, 4), { seed: 1, resamples: 400 }));
  });
});
