import { describe, expect, it } from 'vitest';
import { amdahlSpeedup, fitAmdahl } from '../src/measure/amdahl.ts';
import { karpFlatt } from '../src/measure/karp-flatt.ts';
import { speedups } from './helpers/speedup-points.ts';

describe("Amdahl's law", () => {
  it('gives 1/(s + (1 - s)/n)', () => {
    expect(amdahlSpeedup(0, 8)).toBe(8);
    expect(amdahlSpeedup(1, 8)).toBe(1);
    // s = 0.1, n = 4: 1 / (0.1 + 0.9/4) = 1 / 0.325
    expect(amdahlSpeedup(0.1, 4)).toBeCloseTo(3.076923, 6);
  });

  it('recovers the serial fraction from points that follow the law exactly', () => {
    // s = 1/9: S(2) = 9/5, S(4) = 3.
    const fit = fitAmdahl(speedups([1, 1], [2, 1.8], [4, 3]))!;
    expect(fit.serialFraction).toBeCloseTo(1 / 9, 12);
    expect(fit.maxSpeedup).toBeCloseTo(9, 10);
    expect(fit.rmsError).toBeCloseTo(0, 12);
    expect(fit.points).toBe(3);
  });

  it('fits noisy points by least squares on 1/S, computed by hand', () => {
    // x = 1 - 1/n: 1/2, 3/4; y = 1/S - 1/n: 0, 1/12. s = sum(xy)/sum(xx) = (1/16)/(13/16) = 1/13.
    // Fitted S(2) = 13/7, S(4) = 13/4: residuals 1/7 and -1/4 (and 0 at n = 1).
    const fit = fitAmdahl(speedups([1, 1], [2, 2], [4, 3]))!;
    expect(fit.serialFraction).toBeCloseTo(1 / 13, 12);
    expect(fit.rmsError).toBeCloseTo(Math.sqrt((1 / 49 + 1 / 16) / 3), 12);
  });

  it('clamps a super-linear speedup to s = 0, with no ceiling', () => {
    const fit = fitAmdahl([{ threads: 2, speedup: 2.5 }])!;
    expect(fit.serialFraction).toBe(0);
    expect(fit.maxSpeedup).toBe(Number.POSITIVE_INFINITY);
  });

  it('cannot fit one thread alone, and refuses a speedup that is not positive', () => {
    expect(fitAmdahl([{ threads: 1, speedup: 1 }])).toBeUndefined();
    expect(() => fitAmdahl([{ threads: 2, speedup: 0 }])).toThrow(RangeError);
  });
});

describe('Karp-Flatt metric', () => {
  it('gives e = (1/S - 1/n)/(1 - 1/n), computed by hand', () => {
    expect(karpFlatt(1.8, 2)).toBeCloseTo(1 / 9, 12); // (5/9 - 1/2) / (1/2)
    expect(karpFlatt(3, 4)).toBeCloseTo(1 / 9, 12); // (1/3 - 1/4) / (3/4)
    expect(karpFlatt(2, 2)).toBe(0);
    expect(karpFlatt(1, 4)).toBe(1); // no speedup at all: everything looks serial
  });

  it('agrees with the fit: s is the x-squared-weighted mean of the points e(n)', () => {
    const points = speedups([2, 1.7], [3, 2.2]);
    const weights = points.map((p) => (1 - 1 / p.threads) ** 2);
    const weighted = points.reduce((sum, p, i) => sum + weights[i]! * karpFlatt(p.speedup, p.threads), 0) / (weights[0]! + weights[1]!);
    expect(fitAmdahl(points)!.serialFraction).toBeCloseTo(weighted, 12);
  });

  it('is undefined for one thread', () => {
    expect(() => karpFlatt(1, 1)).toThrow(/threads >= 2/);
  });
});
