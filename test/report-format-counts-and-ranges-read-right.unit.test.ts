import { describe, expect, it } from 'vitest';
import { formatCount, formatIntervalEnds, formatPercent, formatRange } from '../src/report/format.ts';
import { intervalClause, withInterval } from '../src/experiment/estimate-text.ts';

const us = (value: number): string => `${value.toFixed(1)} µs`;

describe('counts agree with their noun, and ranges whose ends print alike do not read "4.0% to 4.0%"', () => {
  it('"1 core", "2 cores", "0 cores"', () => {
    expect([0, 1, 2].map((n) => formatCount(n, 'core'))).toEqual(['0 cores', '1 core', '2 cores']);
  });

  it('a range prints one figure when both ends round alike, both when they differ', () => {
    expect(formatRange(0.0401, 0.0404, formatPercent)).toBe('4.0%');
    expect(formatRange(0.04, 0.15, formatPercent)).toBe('4.0% to 15%');
  });

  it('a 95% interval narrower than the rounding says so, and is not shown as a point', () => {
    expect(formatIntervalEnds(18.12, 18.14, us)).toBe('18.1 µs at both ends, as rounded');
    expect(withInterval({ value: 18.13, low: 18.12, high: 18.14 }, us)).toBe('18.1 µs (95% interval 18.1 µs at both ends, as rounded)');
    expect(intervalClause({ value: 18.13, low: 18.12, high: 18.14 }, us)).toBe('; 95% interval 18.1 µs at both ends, as rounded');
    expect(withInterval({ value: 20, low: 18.1, high: 22.3 }, us)).toBe('20.0 µs (95% interval 18.1 µs to 22.3 µs)');
  });
});
