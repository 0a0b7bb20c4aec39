import { describe, expect, it } from 'vitest';
import { bootstrapAmdahl } from '../src/experiment/amdahl-interval.ts';
import { fitAmdahl } from '../src/measure/amdahl.ts';

// bootstrapAmdahl redraws each thread count's runs on their own, takes the medians, turns them into
// speedups over the one-thread median and refits Amdahl's law. Where every run of a count took the
// same time, every resample is the full fit, so the interval collapses onto it and can be computed
// by hand; noisy runs check what a resample is made of.

/** Runs that all took `ms`: nothing for a resample to move. */
const steady = (threads: number, ms: number, runs = 3) => ({ threads, wallMs: new Array<number>(runs).fill(ms) });

describe('bootstrapAmdahl: the serial fraction and the ceiling it implies, with 95% intervals', () => {
  it('collapses onto the full fit when every run of a thread count took the same time', () => {
    // Speedups 100/60 at 2 threads and 100/40 at 4: the least-squares s over x = 1 - 1/n, y = T(n)/T(1) - 1/n.
    const points = [steady(1, 100), steady(2, 60), steady(4, 40)];
    const x2 = 1 - 1 / 2;
    const x4 = 1 - 1 / 4;
    const s = (x2 * (0.6 - 0.5) + x4 * (0.4 - 0.25)) / (x2 * x2 + x4 * x4);
    const result = bootstrapAmdahl(points, { resamples: 5 })!;
    expect(result.serialFraction.low).toBeCloseTo(s, 12);
    expect(result.serialFraction.high).toBeCloseTo(s, 12);
    expect(result.maxSpeedup.low).toBeCloseTo(1 / s, 9);
    expect(result.maxSpeedup.high).toBeCloseTo(1 / s, 9);
    expect(result.resamples).toBe(5);
    expect(fitAmdahl([{ threads: 2, speedup: 100 / 60 }, { threads: 4, speedup: 100 / 40 }])!.serialFraction).toBeCloseTo(s, 12);
  });

  it('takes the one-thread point as the base wherever it stands in the list, and refits only counts above one', () => {
    const inOrder = bootstrapAmdahl([steady(1, 100), steady(2, 55), steady(4, 30)], { resamples: 3 });
    const shuffled = bootstrapAmdahl([steady(4, 30), steady(2, 55), steady(1, 100)], { resamples: 3 });
    expect(shuffled).toEqual(inOrder);
    // 2 threads at 55 ms and 4 at 30 ms of 100: s = (0.5 * 0.05 + 0.75 * 0.05) / (0.25 + 0.5625).
    expect(inOrder!.serialFraction.low).toBeCloseTo((0.5 * 0.05 + 0.75 * 0.05) / 0.8125, 12);
  });

  it('says the ceiling is unbounded where the serial fraction reaches 0, and gives the ceiling the ends of s swapped', () => {
    const perfect = bootstrapAmdahl([steady(1, 100), steady(2, 50), steady(4, 25)], { resamples: 4 })!;
    expect(perfect.serialFraction).toEqual({ low: 0, high: 0 });
    expect(perfect.maxSpeedup).toEqual({ low: Number.POSITIVE_INFINITY, high: Number.POSITIVE_INFINITY });

    // Noisy runs: s has a real interval, and the ceiling's low end is 1 / (s's high end).
    const noisy = bootstrapAmdahl(
      [
        { threads: 1, wallMs: [100, 104, 97, 101, 99, 103, 98] },
        { threads: 2, wallMs: [58, 61, 55, 63, 57, 60, 62] },
        { threads: 4, wallMs: [33, 38, 31, 36, 40, 34, 35] },
      ],
      { resamples: 300, seed: 5 },
    )!;
    expect(noisy.serialFraction.low).toBeLessThan(noisy.serialFraction.high);
    expect(noisy.serialFraction.low).toBeGreaterThan(0);
    expect(noisy.maxSpeedup.low).toBe(1 / noisy.serialFraction.high);
    expect(noisy.maxSpeedup.high).toBe(1 / noisy.serialFraction.low);
  });

  it('one resample gives an interval of one refit: both ends equal', () => {
    const points = [
      { threads: 1, wallMs: [100, 110, 90] },
      { threads: 2, wallMs: [60, 50, 70] },
    ];
    const one = bootstrapAmdahl(points, { resamples: 1, seed: 9 })!;
    expect(one.resamples).toBe(1);
    expect(one.serialFraction.low).toBe(one.serialFraction.high);
    // The one refit is one of the fits the resampled medians allow: its time ratio is a ratio of two drawn medians.
    const possible = [90, 100, 110].flatMap((t1) => [50, 60, 70].map((t2) => fitAmdahl([{ threads: 2, speedup: t1 / t2 }])!.serialFraction));
    expect(possible).toContain(one.serialFraction.low);
  });

  it('is seeded, 2000 resamples from seed 1 by default', () => {
    const points = [
      { threads: 1, wallMs: [100, 104, 97, 101, 99] },
      { threads: 2, wallMs: [58, 61, 55, 63, 57] },
      { threads: 3, wallMs: [45, 41, 47, 43, 44] },
    ];
    const byDefault = bootstrapAmdahl(points)!;
    expect(byDefault.resamples).toBe(2000);
    expect(byDefault).toEqual(bootstrapAmdahl(points, { seed: 1, resamples: 2000 }));
    expect(bootstrapAmdahl(points, { seed: 2, resamples: 200 })).toEqual(bootstrapAmdahl(points, { seed: 2, resamples: 200 }));
    expect(bootstrapAmdahl(points, { seed: 2, resamples: 200 })).not.toEqual(bootstrapAmdahl(points, { seed: 3, resamples: 200 }));
  });

  it('gives nothing without a one-thread point, without a count above one, or where a count has fewer than two runs', () => {
    expect(bootstrapAmdahl([steady(2, 60), steady(4, 40)])).toBeUndefined();
    expect(bootstrapAmdahl([steady(1, 100)])).toBeUndefined();
    expect(bootstrapAmdahl([steady(1, 100), steady(2, 60, 1)])).toBeUndefined();
    expect(bootstrapAmdahl([steady(1, 100, 1), steady(2, 60), steady(4, 40)])).toBeUndefined();
    // Two runs are enough to resample.
    expect(bootstrapAmdahl([steady(1, 100, 2), steady(2, 60, 2)], { resamples: 2 })?.serialFraction.low).toBeCloseTo(0.2, 12);
  });

  it('refuses a resample count that is not a positive integer, naming the option', () => {
    const points = [steady(1, 100), steady(2, 60)];
    expect(() => bootstrapAmdahl(points, { resamples: 0 })).toThrow(new RangeError('options.resamples must be a positive integer; got 0'));
    expect(() => bootstrapAmdahl(points, { resamples: 2.5 })).toThrow(new RangeError('options.resamples must be a positive integer; got 2.5'));
    expect(() => bootstrapAmdahl(points, { resamples: -3 })).toThrow(RangeError);
  });
});
