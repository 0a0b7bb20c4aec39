import { describe, expect, it } from 'vitest';
import { listScheduleMs } from '../src/measure/list-schedule.ts';
import { median, standardDeviation, summarize } from '../src/measure/stats.ts';

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

  it('summary of 10, 12, 11, 14', () => {
    expect(summarize([10, 12, 11, 14])).toEqual({
      n: 4,
      median: 11.5,
      mean: 11.75,
      min: 10,
      max: 14,
      sd: Math.sqrt((1.75 ** 2 + 0.25 ** 2 + 0.75 ** 2 + 2.25 ** 2) / 3),
      relativeSpread: 4 / 11.5,
    });
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
