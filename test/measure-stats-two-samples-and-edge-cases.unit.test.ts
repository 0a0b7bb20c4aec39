import { describe, expect, it } from 'vitest';
import { mean, median, summarize } from '../src/measure/stats.ts';

// Gaps found by mutation testing in stats.ts (mutants: samples.length < 2 -> <= 2, the empty-input
// guards, rsd of a zero mean). Hand-computed.
describe('summary statistics at their edges', () => {
  it('two samples have a standard deviation and a 95% interval: sd = |a - b| / sqrt(2), ci = t(0.975, 1) * sd / sqrt(2)', () => {
    const s = summarize([10, 14]);
    expect(s.sd).toBeCloseTo(Math.SQRT2 * 2, 12);
    expect(s.meanCi95).toBeCloseTo(12.7062 * 2, 3);
    expect([s.n, s.mean, s.median, s.min, s.max]).toEqual([2, 12, 12, 10, 14]);
  });

  it('one sample has no spread, and a zero mean gives a relative spread of 0, not NaN', () => {
    expect(summarize([7])).toMatchObject({ n: 1, sd: 0, meanCi95: 0, rsd: 0, noisy: false });
    expect(summarize([0, 0])).toMatchObject({ sd: 0, rsd: 0, noisy: false });
  });

  it('refuses no samples, naming the statistic', () => {
    expect(() => mean([])).toThrow('mean of no samples');
    expect(() => median([])).toThrow('median of no samples');
  });
});
