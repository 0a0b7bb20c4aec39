import { describe, expect, it } from 'vitest';
import { listScheduleMs } from '../src/measure/list-schedule.ts';
import { speedupHalfWidth95 } from '../src/measure/speedup.ts';
import { median, standardDeviation, summarize } from '../src/measure/stats.ts';
import { tCritical95 } from '../src/measure/student-t.ts';

describe('statistics, against hand-computed values', () => {
  it('median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
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
    expect(s.ci95).toBeCloseTo((3.182 * sd) / 2, 12);
    expect(s.rsd).toBeCloseTo(sd / 11.75, 12);
    expect(s.noisy).toBe(true); // 14.6% > 5%
  });

  it('flags noise only above 5% relative standard deviation', () => {
    expect(summarize([100, 101, 99, 100]).noisy).toBe(false);
    expect(summarize([100, 112, 90, 100]).noisy).toBe(true);
    expect(summarize([7]).ci95).toBe(0);
  });

  it("Student t critical values: the table, and interpolation in 1/df beyond 30", () => {
    expect(tCritical95(1)).toBe(12.706);
    expect(tCritical95(4)).toBe(2.776);
    expect(tCritical95(30)).toBe(2.042);
    expect(tCritical95(60)).toBeCloseTo(2.0, 12);
    // df 48 lies between 40 and 60: x = (1/40 - 1/48) / (1/40 - 1/60) = 0.5
    expect(tCritical95(48)).toBeCloseTo(2.021 + 0.5 * (2.0 - 2.021), 12);
    expect(tCritical95(100000)).toBeGreaterThan(1.96);
    expect(() => tCritical95(0)).toThrow(RangeError);
  });

  it('speedup uncertainty: relative half-widths add in quadrature', () => {
    const base = summarize([100, 104, 96]); // mean 100, sd 4, ci = 4.303 * 4 / sqrt(3)
    const fast = summarize([50, 51, 49]); // mean 50, sd 1, ci = 4.303 * 1 / sqrt(3)
    const rel = Math.hypot((4.303 * 4) / Math.sqrt(3) / 100, (4.303 * 1) / Math.sqrt(3) / 50);
    expect(speedupHalfWidth95(base, fast)).toBeCloseTo(2 * rel, 12);
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
