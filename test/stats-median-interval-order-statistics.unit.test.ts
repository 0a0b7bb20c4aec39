import { describe, expect, it } from 'vitest';
import { MEDIAN_CONFIDENCE, medianInterval, orderCoverage } from '../src/measure/median-interval.ts';

const ascending = (n: number): number[] => Array.from({ length: n }, (_, i) => (i + 1) * 10);
const shuffled = (values: number[]): number[] => values.map((v, i) => [v, (i * 7919) % values.length] as const).sort((a, b) => a[1] - b[1]).map(([v]) => v);

describe("the median's interval from order statistics (binomial method)", () => {
  it('n = 5: too few for 95%, so min..max, covering 1 - 2/32 = 93.75%', () => {
    expect(medianInterval(shuffled(ascending(5)))).toEqual({ low: 10, high: 50, coverage: 0.9375, lowRank: 1, highRank: 5 });
  });

  it('n = 7: min..max covers 1 - 2/128 = 98.4%; the next pair (2nd, 6th) only 87.5%', () => {
    expect(medianInterval(shuffled(ascending(7)))).toEqual({ low: 10, high: 70, coverage: 0.984375, lowRank: 1, highRank: 7 });
    expect(orderCoverage(7, 2)).toBe(0.875);
  });

  it('n = 20: the 6th to the 15th sample, covering 1 - 2 P(B <= 5) = 95.86% (the 7th-14th would cover 88.5%)', () => {
    expect(medianInterval(shuffled(ascending(20)))).toEqual({ low: 60, high: 150, coverage: 1 - (2 * 21700) / 2 ** 20, lowRank: 6, highRank: 15 });
    expect(orderCoverage(20, 7)).toBeCloseTo(1 - (2 * 60460) / 2 ** 20, 15);
  });

  it('n = 9 moves in by one rank (96.1%), n = 8 cannot (the 2nd-7th would cover 93.0%)', () => {
    expect(medianInterval(ascending(9))).toEqual({ low: 20, high: 80, coverage: 0.9609375, lowRank: 2, highRank: 8 });
    expect(medianInterval(ascending(8))).toEqual({ low: 10, high: 80, coverage: 0.9921875, lowRank: 1, highRank: 8 });
    expect(orderCoverage(8, 2)).toBe(0.9296875);
  });

  it('one sample is its own interval with no coverage; two give a 50% interval', () => {
    expect(medianInterval([42])).toEqual({ low: 42, high: 42, coverage: 0, lowRank: 1, highRank: 1 });
    expect(medianInterval([3, 1])).toEqual({ low: 1, high: 3, coverage: 0.5, lowRank: 1, highRank: 2 });
  });

  it('a lower confidence narrows the interval, never past the middle', () => {
    expect(medianInterval(ascending(9), 0.5)).toEqual({ low: 30, high: 70, coverage: 1 - 2 * (46 / 512), lowRank: 3, highRank: 7 });
    expect(orderCoverage(9, 4)).toBe(1 - 2 * (130 / 512));
    expect(medianInterval(ascending(3), 0)).toEqual({ low: 20, high: 20, coverage: 0, lowRank: 2, highRank: 2 });
    expect(medianInterval(ascending(4), 0)).toEqual({ low: 20, high: 30, coverage: 0.375, lowRank: 2, highRank: 3 });
    // Even a confidence no interval can miss stops at the middle rank.
    expect(medianInterval(ascending(3), -1)).toMatchObject({ low: 20, high: 20, lowRank: 2, highRank: 2 });
    expect(medianInterval(ascending(4), -1)).toMatchObject({ low: 20, high: 30, lowRank: 2, highRank: 3 });
  });

  it('accepts exactly 95% coverage and aims for 95% by default', () => {
    expect(MEDIAN_CONFIDENCE).toBe(0.95);
    expect(medianInterval(ascending(9), 0.9609375).lowRank).toBe(2);
    expect(medianInterval(ascending(9), 0.9609376).lowRank).toBe(1);
  });

  it('refuses no samples and does not reorder the caller\'s array', () => {
    expect(() => medianInterval([])).toThrow('median interval of no samples');
    const samples = [3, 1, 2];
    medianInterval(samples);
    expect(samples).toEqual([3, 1, 2]);
  });
});
