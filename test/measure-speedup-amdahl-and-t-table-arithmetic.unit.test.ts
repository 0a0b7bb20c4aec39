import { describe, expect, it } from 'vitest';
import { amdahlSpeedup, fitAmdahl } from '../src/measure/amdahl.ts';
import { crossoverSize } from '../src/measure/crossover.ts';
import { fitOverheadPerTask, overheadPerTask } from '../src/measure/dispatch-overhead.ts';
import { karpFlatt } from '../src/measure/karp-flatt.ts';
import { listScheduleMs } from '../src/measure/list-schedule.ts';
import { efficiency, speedup } from '../src/measure/speedup.ts';
import { tCritical95 } from '../src/measure/student-t.ts';
import { sizeSpeedups } from './helpers/speedup-points.ts';

// Hand-computed arithmetic for the figures the lab prints. Each test names the mutants it kills.

describe('speedup.ts', () => {
  it('efficiency divides the speedup by the threads (mutant: / -> *)', () => {
    expect(efficiency(3, 4)).toBe(0.75);
    expect(efficiency(1.5, 1)).toBe(1.5);
    expect(speedup(120, 40)).toBe(3);
  });

});

describe('student-t.ts: t(0.975, df), the exact quantile', () => {
  it('matches published two-sided 95% critical values (R qt(0.975, df)) and falls with df towards 1.96', () => {
    // The gap mutation testing found in the old t-table (entries for 31-39 degrees of freedom) is checked at 31, 35 and 39.
    const exact: Record<number, number> = { 1: 12.7062, 30: 2.0423, 31: 2.0395, 35: 2.0301, 39: 2.0227, 40: 2.0211, 60: 2.0003, 120: 1.9799, 1000: 1.9623 };
    for (const [df, t] of Object.entries(exact)) expect(tCritical95(Number(df))).toBeCloseTo(t, 4);
    for (let df = 2; df <= 60; df++) expect(tCritical95(df)).toBeLessThan(tCritical95(df - 1));
    expect(tCritical95(10_000_000)).toBeCloseTo(1.96, 3);
  });

  it('refuses degrees of freedom that are not positive integers', () => {
    for (const df of [0, -1, 1.5, Number.NaN]) expect(() => tCritical95(df)).toThrow(/degrees of freedom must be a positive integer/);
  });
});

describe('karp-flatt.ts', () => {
  it('refuses a speedup of zero or below (mutant: !(speedup > 0) -> speedup < 0)', () => {
    expect(() => karpFlatt(0, 2)).toThrow('speedup must be positive, got 0');
    expect(() => karpFlatt(-1, 2)).toThrow(RangeError);
    expect(() => karpFlatt(Number.NaN, 2)).toThrow(RangeError);
  });

  it('refuses fewer than two threads or a fractional count, naming what it got', () => {
    expect(() => karpFlatt(1, 1)).toThrow('the Karp-Flatt metric needs threads >= 2, got 1');
    expect(() => karpFlatt(1, 2.5)).toThrow(RangeError);
    expect(karpFlatt(1.5, 2)).toBeCloseTo(1 / 3, 12); // (2/3 - 1/2) / (1/2)
  });
});

describe('amdahl.ts', () => {
  it('clamps a fit above 1 (slower with more threads) to s = 1, a ceiling of 1', () => {
    const fit = fitAmdahl([{ threads: 2, speedup: 0.5 }])!;
    expect(fit.serialFraction).toBe(1);
    expect(fit.maxSpeedup).toBe(1);
    // Fitted S(2) = 1 at s = 1: residual 0.5 over one point.
    expect(fit.rmsError).toBeCloseTo(0.5, 12);
    expect(fit.points).toBe(1);
  });

  it('refuses a speedup that is not positive, naming it and its thread count', () => {
    expect(() => fitAmdahl([{ threads: 3, speedup: -2 }])).toThrow('speedup must be positive, got -2 at 3 threads');
    expect(amdahlSpeedup(0.5, 2)).toBeCloseTo(4 / 3, 12);
  });
});

describe('dispatch-overhead.ts', () => {
  it('fits the per-task cost of a single run of one task as its whole extra time', () => {
    // The gap mutation testing found (fitOverheadPerTask with one task): with n = 1, mutants of n * n (n / n, n) agree; two tasks tell them apart.
    expect(fitOverheadPerTask([{ tasks: 1, extraMs: 3 }])).toBe(3);
    expect(fitOverheadPerTask([{ tasks: 1, extraMs: 2 }, { tasks: 2, extraMs: 6 }])).toBeCloseTo(14 / 5, 12); // (2 + 12) / (1 + 4)
    expect(() => fitOverheadPerTask([])).toThrow('overhead of no runs');
  });

  it('spreads extra time over one task, and refuses task counts that are not positive integers', () => {
    expect(overheadPerTask(12, 10, 1)).toBe(2);
    for (const tasks of [0, -1, 1.5]) expect(() => overheadPerTask(12, 10, tasks)).toThrow(`tasks must be a positive integer, got ${tasks}`);
  });
});

describe('list-schedule.ts', () => {
  it('puts each task on the thread that frees up first, the lowest-numbered on a tie', () => {
    // 3 threads: 5 | 3 | 4, then 2 goes to the 3-thread (free at 3) -> 5 | 5 | 4, then 6 to the 4-thread -> 10.
    expect(listScheduleMs([5, 3, 4, 2, 6], 3)).toBe(10);
    expect(listScheduleMs([], 2)).toBe(0);
    expect(listScheduleMs([1, 1, 1, 1], 4)).toBe(1);
  });

  it('refuses a thread count that is not a positive integer', () => {
    for (const threads of [0, 1.5, -2]) expect(() => listScheduleMs([1], threads)).toThrow(`threads must be a positive integer, got ${threads}`);
  });
});

describe('crossover.ts', () => {
  it('interpolates at speedup 1 exactly when a measured size reaches 1, and sorts the points itself', () => {
    const crossed = crossoverSize(sizeSpeedups([400, 1], [100, 0.5]));
    expect(crossed).toMatchObject({ state: 'crossed', below: 100, above: 400, laterDips: [] });
    expect(crossed.state === 'crossed' && crossed.size).toBeCloseTo(400, 9);
  });

  it('names the smallest or the largest size when there is no crossing, and refuses no points', () => {
    expect(crossoverSize([{ size: 8, speedup: 1.2 }, { size: 2, speedup: 1.1 }])).toEqual({ state: 'always-faster', smallest: 2 });
    expect(crossoverSize([{ size: 8, speedup: 0.9 }, { size: 2, speedup: 0.5 }])).toEqual({ state: 'never-faster', largest: 8 });
    expect(() => crossoverSize([])).toThrow('crossover of no points');
    expect(() => crossoverSize([{ size: 0, speedup: 1 }])).toThrow('sizes and speedups must be positive, got 0 and 1');
    expect(() => crossoverSize([{ size: 4, speedup: 0 }])).toThrow('sizes and speedups must be positive, got 4 and 0');
  });

  it('does not count a later size where parallel merely broke even as a dip (mutant: speedup < 1 -> <= 1)', () => {
    const crossed = crossoverSize(sizeSpeedups([1, 0.5], [2, 1.2], [4, 1], [8, 0.9]));
    expect(crossed).toMatchObject({ state: 'crossed', below: 1, above: 2, laterDips: [8] });
  });
});
