import { describe, expect, it } from 'vitest';
import { overheadTargetMet, us } from './analysis.ts';

describe('granularity targets: a negative ratio never meets a target', () => {
  it('a reference cost of -0 (not above zero) makes the ratio -Infinity, which does not meet the target (kills the "referenceUs >= 0" mutant)', () => {
    // -0 >= 0 holds, and 10 / -0 is -Infinity, at most any target: only "above zero" keeps that ratio from counting as met.
    expect(overheadTargetMet(10, -0, 1.25)).toBe(false);
    expect(overheadTargetMet(10, 0, 1.25)).toBe(false);
  });

  it('a negative cost, a negative reference, or both, never meet the target', () => {
    expect(overheadTargetMet(100, -0.5, 1.25)).toBe(false);
    expect(overheadTargetMet(-10, 20, 1.25)).toBe(false);
    expect(overheadTargetMet(-10, -20, 1.25)).toBe(false);
    expect(overheadTargetMet(25, 20, 1.25)).toBe(true);
  });

  it('writes µs up to 999.9 and ms from 1000 µs on, either sign', () => {
    expect([999.94, 1000, 1234.5, -1000, -999.94, 100, 99.95, 12.34].map(us)).toEqual(['1000 µs', '1.00 ms', '1.23 ms', '-1.00 ms', '-1000 µs', '100 µs', '100.0 µs', '12.3 µs']);
  });
});
