import { describe, expect, it } from 'vitest';
import { clearlyAbove, clearlyBelow, intervalClause, intervalKnown, withInterval } from '../src/experiment/estimate-text.ts';

// An estimate is clearly above (below) a level only when its whole interval is; without an interval
// (figures without rounds) its value decides. The text shows the interval only when both ends are known.

const us = (v: number): string => `${v.toFixed(1)} µs`;
const NaN_ = Number.NaN;

describe('estimate text', () => {
  it('knows an interval only when both ends are finite', () => {
    expect(intervalKnown({ low: 1, high: 2 })).toBe(true);
    expect(intervalKnown({ low: NaN_, high: 2 })).toBe(false);
    expect(intervalKnown({ low: 1, high: NaN_ })).toBe(false);
    expect(intervalKnown({ low: 1, high: Number.POSITIVE_INFINITY })).toBe(false);
  });

  it('shows the interval beside the value, or the value alone when an end is missing', () => {
    expect(withInterval({ value: 20, low: 18.1, high: 22.3 }, us)).toBe('20.0 µs (95% interval 18.1 µs to 22.3 µs)');
    expect(withInterval({ value: 20, low: NaN_, high: 22.3 }, us)).toBe('20.0 µs');
    expect(intervalClause({ value: 20, low: 18.1, high: 22.3 }, us)).toBe('; 95% interval 18.1 µs to 22.3 µs');
    expect(intervalClause({ value: 20, low: 18.1, high: NaN_ }, us)).toBe('');
  });

  it('is clearly above a level only when the low end is above it', () => {
    expect(clearlyAbove({ value: 20, low: 18, high: 22 }, 17.9)).toBe(true);
    expect(clearlyAbove({ value: 20, low: 18, high: 22 }, 18)).toBe(false);
    expect(clearlyAbove({ value: 20, low: 18, high: 22 }, 19)).toBe(false);
    // Half an interval is no interval: the value decides.
    expect(clearlyAbove({ value: 20, low: NaN_, high: 22 }, 19)).toBe(true);
  });

  it('without an interval, is clearly above a level only when the value is strictly above it', () => {
    const bare = (value: number) => ({ value, low: NaN_, high: NaN_ });
    expect(clearlyAbove(bare(20), 19.9)).toBe(true);
    expect(clearlyAbove(bare(20), 20)).toBe(false);
    expect(clearlyAbove(bare(20), 20.1)).toBe(false);
  });

  it('is clearly below a level only when the high end is below it; without an interval, when the value is', () => {
    expect(clearlyBelow({ value: 20, low: 18, high: 22 }, 22.1)).toBe(true);
    expect(clearlyBelow({ value: 20, low: 18, high: 22 }, 22)).toBe(false);
    expect(clearlyBelow({ value: 20, low: 18, high: 22 }, 21)).toBe(false);
    const bare = (value: number) => ({ value, low: NaN_, high: NaN_ });
    expect(clearlyBelow(bare(20), 20.1)).toBe(true);
    expect(clearlyBelow(bare(20), 20)).toBe(false);
    expect(clearlyBelow(bare(20), 19)).toBe(false);
  });
});
