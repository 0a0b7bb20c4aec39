import { describe, expect, it } from 'vitest';
import { bootstrapOverRounds, costRatio, fittedCostsUs, percentileInterval, type RoundsAtSize } from '../src/experiment/dispatch-intervals.ts';
import { samplesOf } from '../src/measure/samples.ts';
import { createRandom } from '../src/workload/random.ts';

type S = 'parallel' | 'piscina';
const subjects: readonly S[] = ['parallel', 'piscina'];

/**
 * Sequential 100 ms over 2 threads (ideal share 1/2); parallel 0.1 ms and piscina 0.02 ms a task beyond
 * the ideal; each round slows everything it ran by its own factor (a busy machine moves every mode of a round).
 */
function size(tasks: number, factors: readonly number[]): RoundsAtSize<S> {
  const times = (ms: number): number[] => factors.map((f) => ms * f);
  return {
    tasks,
    idealShare: 0.5,
    sequential: samplesOf(times(100)),
    subjects: { parallel: samplesOf(times(50 + 0.1 * tasks)), piscina: samplesOf(times(50 + 0.02 * tasks)) },
  };
}

const random = createRandom(11);
const factors = (): number[] => Array.from({ length: 7 }, () => 1 + 0.3 * random.next());
const sweep = [size(1000, factors()), size(250, factors()), size(64, factors())];
const derive = (c: Readonly<Record<S, number>>) => ({ parallel: c.parallel, piscina: c.piscina, ratio: costRatio(c.parallel, c.piscina), gap: c.parallel - c.piscina });

describe('dispatch fit: bootstrap over rounds', () => {
  it('fits each subject through the origin from the medians, as fitDispatch does, computed by hand', () => {
    const costs = fittedCostsUs(
      [
        { tasks: 100, idealShare: 0.5, sequentialMs: 100, subjectsMs: { parallel: 60, piscina: 52 } },
        { tasks: 10, idealShare: 0.5, sequentialMs: 100, subjectsMs: { parallel: 51, piscina: 50.5 } },
      ],
      subjects,
    );
    // parallel: (100 * 10 + 10 * 1) / (100^2 + 10^2) ms = 1010 / 10100 ms; piscina: (100 * 2 + 10 * 0.5) / 10100 ms.
    expect(costs.parallel).toBeCloseTo((1010 / 10100) * 1000, 9);
    expect(costs.piscina).toBeCloseTo((205 / 10100) * 1000, 9);
    expect(fittedCostsUs([], subjects).parallel).toBeNaN();
  });

  it('resamples the same rounds for every mode: a slowdown shared by a round cancels in the ratio of their costs', () => {
    const intervals = bootstrapOverRounds(sweep, subjects, derive, { resamples: 400 })!;
    // Every resampled median comes from the same rounds in every series, so each fit scales alike and the ratio stays 5.
    expect(intervals.ratio.low).toBeCloseTo(5, 9);
    expect(intervals.ratio.high).toBeCloseTo(5, 9);
    // The costs themselves move with the rounds drawn.
    expect(intervals.parallel.high - intervals.parallel.low).toBeGreaterThan(1);
    expect(intervals.parallel.low).toBeLessThanOrEqual(intervals.parallel.high);
    expect(intervals.gap.low).toBeGreaterThan(0);
  });

  it('pairs the series by round number, not by position in the list', () => {
    const shuffled = sweep.map((s) => ({ ...s, subjects: { parallel: [...s.subjects.parallel].reverse(), piscina: s.subjects.piscina } }));
    expect(bootstrapOverRounds(shuffled, subjects, derive, { resamples: 200 })).toEqual(bootstrapOverRounds(sweep, subjects, derive, { resamples: 200 }));
    // Only the rounds every series ran are drawn: a round missing from one series is left out of all.
    const missing = sweep.map((s) => ({ ...s, subjects: { ...s.subjects, piscina: s.subjects.piscina.slice(1) } }));
    const trimmed = sweep.map((s) => ({ ...s, sequential: s.sequential.slice(1), subjects: { parallel: s.subjects.parallel.slice(1), piscina: s.subjects.piscina.slice(1) } }));
    expect(bootstrapOverRounds(missing, subjects, derive, { resamples: 200 })).toEqual(bootstrapOverRounds(trimmed, subjects, derive, { resamples: 200 }));
  });

  it('is seeded: the same seed gives the same intervals, another seed others', () => {
    const noisy = sweep.map((s, i) => ({ ...s, subjects: { ...s.subjects, piscina: s.subjects.piscina.map((x, r) => ({ ...x, wallMs: x.wallMs * (1 + 0.02 * ((r * 7 + i) % 5)) })) } }));
    const a = bootstrapOverRounds(noisy, subjects, derive, { seed: 3, resamples: 300 });
    expect(bootstrapOverRounds(noisy, subjects, derive, { seed: 3, resamples: 300 })).toEqual(a);
    expect(bootstrapOverRounds(noisy, subjects, derive, { seed: 4, resamples: 300 })).not.toEqual(a);
    expect(bootstrapOverRounds(noisy, subjects, derive)).toEqual(bootstrapOverRounds(noisy, subjects, derive, { seed: 1, resamples: 2000 }));
    expect(a!.ratio.low).toBeLessThan(a!.ratio.high);
  });

  it('gives no interval for a ratio whose denominator reached zero in a resample, and none without rounds', () => {
    const flat = sweep.map((s) => ({ ...s, subjects: { ...s.subjects, piscina: s.sequential.map((x) => ({ ...x, wallMs: x.wallMs / 2 })) } }));
    const intervals = bootstrapOverRounds(flat, subjects, derive, { resamples: 50 })!;
    expect(intervals.ratio.low).toBeNaN();
    expect(intervals.ratio.high).toBeNaN();
    expect(Number.isFinite(intervals.parallel.low)).toBe(true);
    expect(bootstrapOverRounds([], subjects, derive)).toBeUndefined();
    expect(bootstrapOverRounds([{ ...sweep[0]!, sequential: [] }], subjects, derive)).toBeUndefined();
    expect(() => bootstrapOverRounds(sweep, subjects, derive, { resamples: 0 })).toThrow('resamples must be a positive integer, got 0');
  });

  it('takes the 2.5th and 97.5th percentiles, and no interval when a value is not finite', () => {
    const values = Array.from({ length: 200 }, (_, i) => 199 - i);
    // floor(0.025 * 200) = 5th from 0, ceil(0.975 * 200) - 1 = 194th.
    expect(percentileInterval(values)).toEqual({ low: 5, high: 194 });
    expect(percentileInterval([3])).toEqual({ low: 3, high: 3 });
    expect(percentileInterval([1, Number.NaN])).toEqual({ low: Number.NaN, high: Number.NaN });
    expect(percentileInterval([1, Number.POSITIVE_INFINITY])).toEqual({ low: Number.NaN, high: Number.NaN });
    expect(percentileInterval([])).toEqual({ low: Number.NaN, high: Number.NaN });
  });

  it('divides costs only by a positive, finite denominator', () => {
    expect(costRatio(10, 4)).toBe(2.5);
    expect(costRatio(-10, 4)).toBe(-2.5);
    expect(costRatio(10, 0)).toBeNaN();
    expect(costRatio(10, -0.5)).toBeNaN();
    expect(costRatio(Number.NaN, 4)).toBeNaN();
    expect(costRatio(10, Number.POSITIVE_INFINITY)).toBeNaN();
  });
});
