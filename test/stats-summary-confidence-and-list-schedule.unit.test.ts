import { describe, expect, it } from 'vitest';
import { listScheduleMs } from '../src/measure/list-schedule.ts';
import { efficiency, speedup } from '../src/measure/speedup.ts';
import { median, standardDeviation, summarize } from '../src/measure/stats.ts';
import { tCritical95, zQuantile } from '../src/measure/student-t.ts';

describe('statistics, against hand-computed values', () => {
  it('median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow('median of no samples');
  });

  it('sample standard deviation of 2, 4, 4, 4, 5, 5, 7, 9 is sqrt(32/7)', () => {
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(standardDeviation([3])).toBe(0);
  });

  it('summary of 10, 12, 11, 14: sd = sqrt(8.75 / 3), 95% CI = t(0.975, 3) * sd / 2', () => {
    const sd = Math.sqrt((1.75 ** 2 + 0.25 ** 2 + 0.75 ** 2 + 2.25 ** 2) / 3);
    const s = summarize([10, 12, 11, 14]);
    expect(s).toMatchObject({ n: 4, median: 11.5, mean: 11.75, min: 10, max: 14 });
    expect(s.sd).toBeCloseTo(sd, 12);
    expect(s.meanCi95).toBeCloseTo((3.182446305284263 * sd) / 2, 12);
    // The median's own interval: 4 samples are too few for 95%, so min..max, covering 1 - 2/16.
    expect(s).toMatchObject({ medianLow: 10, medianHigh: 14, medianCoverage: 0.875 });
    expect(s.rsd).toBeCloseTo(sd / 11.75, 12);
    expect(s.noisy).toBe(true); // 14.6% > 5%
  });

  it('speedup is baseline / time, efficiency is speedup per thread', () => {
    expect(speedup(300, 150)).toBe(2);
    expect(efficiency(3, 4)).toBe(0.75);
  });

  it('two samples already have a spread and an interval of the mean', () => {
    expect(standardDeviation([1, 3])).toBeCloseTo(Math.SQRT2, 12);
    expect(summarize([1, 3]).meanCi95).toBeCloseTo((12.706204736174705 * Math.SQRT2) / Math.SQRT2, 9);
    expect(() => summarize([])).toThrow('mean of no samples');
    expect(summarize([0, 0])).toMatchObject({ mean: 0, sd: 0, rsd: 0, noisy: false });
  });

  it('flags noise only above 5% relative standard deviation', () => {
    expect(summarize([95, 100, 105])).toMatchObject({ sd: 5, rsd: 0.05, noisy: false }); // exactly 5% is not above it
    expect(summarize([100, 101, 99, 100]).noisy).toBe(false);
    expect(summarize([100, 112, 90, 100]).noisy).toBe(true);
    expect(summarize([7]).meanCi95).toBe(0);
    expect(summarize([7])).toMatchObject({ medianLow: 7, medianHigh: 7, medianCoverage: 0 });
  });

  it('Student t critical values match the published two-sided 95% table (3 decimals)', () => {
    const table: [number, number][] = [[1, 12.706], [2, 4.303], [4, 2.776], [6, 2.447], [10, 2.228], [20, 2.086], [30, 2.042], [40, 2.021], [60, 2.0], [120, 1.98]];
    for (const [df, t] of table) expect(tCritical95(df)).toBeCloseTo(t, 3);
    expect(tCritical95(100000)).toBeGreaterThan(1.95996);
    expect(tCritical95(100000)).toBeLessThan(1.96);
    expect(() => tCritical95(0)).toThrow(RangeError);
    expect(() => tCritical95(2.5)).toThrow('degrees of freedom must be a positive integer, got 2.5');
  });

  it('normal quantiles match the published z table', () => {
    expect(zQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(zQuantile(0.95)).toBeCloseTo(1.644854, 6);
    expect(zQuantile(0.995)).toBeCloseTo(2.575829, 6);
    expect(zQuantile(0.5)).toBe(0);
    expect(zQuantile(0.025)).toBeCloseTo(-1.959964, 6);
    expect(() => zQuantile(0)).toThrow('a probability strictly between 0 and 1 is needed, got 0');
    expect(() => zQuantile(1)).toThrow(RangeError);
    expect(() => zQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe('list schedule: the best a pool of one-task workers can do', () => {
  it('on one thread is the sum; on many threads the longest task', () => {
    expect(listScheduleMs([3, 5, 2], 1)).toBe(10);
    expect(listScheduleMs([3, 5, 2], 3)).toBe(5);
    expect(listScheduleMs([3, 5, 2], 8)).toBe(5);
  });

  it('places each task on the thread that frees first, in order', () => {
    // 4 -> t0, 3 -> t1, 3 -> t1 (free at 3), 2 -> t0 (free at 4): t0 = 6, t1 = 6.
    expect(listScheduleMs([4, 3, 3, 2], 2)).toBe(6);
    expect(() => listScheduleMs([1], 0)).toThrow(RangeError);
  });
});
