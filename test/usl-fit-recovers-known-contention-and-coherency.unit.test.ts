import { describe, expect, it } from 'vitest';
import { bootstrapUsl, fitUsl, uslPeakN, uslSpeedup, type RepeatedPoint } from '../src/measure/usl.ts';
import { createRandom } from '../src/workload/random.ts';

const counts = [1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64];
const curve = (sigma: number, kappa: number, ns = counts): { threads: number; speedup: number }[] => ns.map((threads) => ({ threads, speedup: uslSpeedup(sigma, kappa, threads) }));

describe('the Universal Scalability Law', () => {
  it('has the textbook shape: S(1) = 1, Amdahl when κ = 0, a peak at √((1−σ)/κ)', () => {
    expect(uslSpeedup(0.2, 0.01, 1)).toBe(1);
    expect(uslSpeedup(0.1, 0, 10)).toBeCloseTo(10 / (1 + 0.9), 12);
    expect(uslPeakN(0.02, 0.0002)).toBeCloseTo(Math.sqrt(0.98 / 0.0002), 12);
    expect(uslPeakN(0.1, 0)).toBe(Number.POSITIVE_INFINITY);
    const peak = uslPeakN(0.05, 0.001);
    expect(uslSpeedup(0.05, 0.001, peak)).toBeGreaterThan(uslSpeedup(0.05, 0.001, peak - 1));
    expect(uslSpeedup(0.05, 0.001, peak)).toBeGreaterThan(uslSpeedup(0.05, 0.001, peak + 1));
  });

  it('recovers σ and κ of a noise-free curve exactly', () => {
    for (const [sigma, kappa] of [[0.05, 0.001], [0.02, 0.0002], [0.3, 0], [0, 0.01]] as const) {
      const fit = fitUsl(curve(sigma, kappa))!;
      expect(fit.sigma).toBeCloseTo(sigma, 6);
      expect(fit.kappa).toBeCloseTo(kappa, 7);
      expect(fit.rmsError).toBeLessThan(1e-6);
      expect(fit.points).toBe(counts.length);
    }
  });

  it('recovers them within a few percent from a curve with 2% seeded noise', () => {
    const random = createRandom(7);
    const noisy = curve(0.05, 0.001).map((p) => ({ ...p, speedup: p.threads === 1 ? 1 : p.speedup * (1 + 0.04 * (random.next() - 0.5)) }));
    const fit = fitUsl(noisy)!;
    expect(fit.sigma).toBeGreaterThan(0.04);
    expect(fit.sigma).toBeLessThan(0.06);
    expect(fit.kappa).toBeGreaterThan(0.0008);
    expect(fit.kappa).toBeLessThan(0.0012);
    expect(fit.peakN).toBeCloseTo(uslPeakN(0.05, 0.001), -1);
  });

  it('refuses to fit fewer than three thread counts (σ and κ would be underdetermined)', () => {
    expect(fitUsl(curve(0.05, 0.001, [1, 2]))).toBeUndefined();
    expect(fitUsl([...curve(0.05, 0.001, [1, 2]), ...curve(0.05, 0.001, [2])])).toBeUndefined();
    expect(fitUsl(curve(0.05, 0.001, [1, 2, 3]))).toBeDefined();
  });

  it('bootstraps intervals over the repeats that cover the true values, and the same seed gives the same intervals', () => {
    const random = createRandom(3);
    const repeats = (threads: number): RepeatedPoint => ({
      threads,
      wallMs: Array.from({ length: 7 }, () => (1000 / uslSpeedup(0.05, 0.001, threads)) * (1 + 0.04 * (random.next() - 0.5))),
    });
    const points = counts.map(repeats);
    const intervals = bootstrapUsl(points[0]!, points, { predictAt: 100 })!;
    expect(intervals.sigma.low).toBeLessThanOrEqual(0.05);
    expect(intervals.sigma.high).toBeGreaterThanOrEqual(0.05);
    expect(intervals.kappa.low).toBeLessThanOrEqual(0.001);
    expect(intervals.kappa.high).toBeGreaterThanOrEqual(0.001);
    expect(intervals.peakN.low).toBeLessThan(intervals.peakN.high);
    expect(intervals.predicted!.low).toBeLessThanOrEqual(uslSpeedup(0.05, 0.001, 100) * 1.05);
    expect(intervals.predicted!.high).toBeGreaterThanOrEqual(uslSpeedup(0.05, 0.001, 100) * 0.95);
    expect(bootstrapUsl(points[0]!, points, { predictAt: 100 })).toEqual(intervals);
    expect(bootstrapUsl(points[0]!, points.slice(0, 2))).toBeUndefined();
  });
});
