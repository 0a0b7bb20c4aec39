import { describe, expect, it } from 'vitest';
import { analyseScaling } from './analysis.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import { scalingPoint as point, scalingRuns as runs } from '../../test/helpers/analysis-scaling-points.ts';

const two = (x: number | undefined): number | undefined => (x === undefined ? undefined : Number(x.toFixed(4)));

describe('scaling: speedups, the Amdahl fit and the points it leaves out', () => {
  it('needs a one-thread point as its baseline', () => {
    expect(() => analyseScaling([point(2, 50), point(3, 40)], 24, 2)).toThrow(new RangeError('scaling needs a one-thread point as its baseline'));
  });

  it('gives each count its speedup with a bootstrap interval, efficiency, ideal, Amdahl and Karp-Flatt', () => {
    const a = analyseScaling([runs(1, 100, 1), runs(2, 55, 2), runs(3, 54, 2), runs(4, 56, 2)], 24, 2);
    expect(a.cores).toBe(2);
    expect(a.rows.map((r) => [r.threads, two(r.speedup), two(r.speedupLow), two(r.speedupHigh), r.speedupMethod, two(r.efficiency), r.idealSpeedup, two(r.amdahlSpeedup), two(r.karpFlatt ?? undefined), r.beyondCores])).toEqual([
      [1, 1, 0.99, 1.0101, 'bootstrap, unpaired', 1, 1, 1, undefined, false],
      [2, 1.8182, 1.7687, 1.8736, 'bootstrap, unpaired', 0.9091, 2, 1.8182, 0.1, false],
      [3, 1.8519, 1.8007, 1.9084, 'bootstrap, unpaired', 0.6173, 2, 1.8182, 0.31, true],
      [4, 1.7857, 1.7361, 1.8382, 'bootstrap, unpaired', 0.4464, 2, 1.8182, 0.4133, true],
    ]);
    expect(a.rows[0]!.karpFlatt).toBeNull();
    expect(a.rows.map((r) => [r.medianMs, r.minMs, r.maxMs, r.samples?.length, 'impossible' in r])).toEqual([
      [100, 99, 101, 6, false],
      [55, 53, 57, 6, false],
      [54, 52, 56, 6, false],
      [56, 54, 58, 6, false],
    ]);
    expect({ ...a.fit, serialFraction: two(a.fit!.serialFraction), maxSpeedup: two(a.fit!.maxSpeedup) }).toEqual({ serialFraction: 0.1, maxSpeedup: 10, rmsError: 0, points: 2 });
    expect(a.fitIntervals).toMatchObject({ resamples: 2000 });
    expect([a.fitIntervals!.serialFraction.low, a.fitIntervals!.serialFraction.high, a.fitIntervals!.maxSpeedup.low, a.fitIntervals!.maxSpeedup.high].map(two)).toEqual([0.0701, 0.1308, 7.6462, 14.2571]);
  });

  it('fits Amdahl only up to the cores, and without repeats gives no intervals at all', () => {
    const a = analyseScaling([point(1, 100), point(2, 52), point(3, 36), point(4, 28), point(6, 29)], 24, 4);
    expect(a.fit!.points).toBe(4);
    expect(two(a.fit!.serialFraction)).toBe(0.04);
    expect('fitIntervals' in a).toBe(false);
    expect(a.rows.map((r) => [r.threads, 'speedupLow' in r, 'speedupMethod' in r, r.beyondCores, two(r.amdahlSpeedup)])).toEqual([
      [1, false, false, false, 1],
      [2, false, false, false, 1.9231],
      [3, false, false, false, 2.7778],
      [4, false, false, false, 3.5714],
      [6, false, false, true, 3.5714],
    ]);
    // One point without repeats among those fitted: no bootstrap of the fit.
    expect('fitIntervals' in analyseScaling([runs(1, 100), point(2, 55)], 24, 2)).toBe(false);
    expect('fitIntervals' in analyseScaling([runs(1, 100), runs(2, 55), point(3, 54)], 24, 2)).toBe(true);
  });

  it('with one core has no fit, and every Amdahl speedup is 1', () => {
    const a = analyseScaling([runs(1, 100), runs(2, 101)], 24, 1);
    expect(a.fit).toBeUndefined();
    expect('fitIntervals' in a).toBe(false);
    expect(a.rows.map((r) => [r.amdahlSpeedup, r.idealSpeedup, r.beyondCores])).toEqual([
      [1, 1, false],
      [1, 1, true],
    ]);
  });

  it('flags a speedup beyond the usable cores, past its interval, as impossible and leaves it out of the fit', () => {
    const a = analyseScaling([runs(1, 100, 0.5), runs(2, 30, 0.5), runs(3, 50, 0.5), runs(4, 60, 0.5)], 24, 2);
    expect(a.rows[1]!.impossible).toBe('3.33x on 2 threads (efficiency 167% > 100%) is above the 2.00x that 2 usable cores allow, its interval starting at 3.29x');
    expect(a.rows.filter((r) => r.impossible !== undefined).map((r) => r.threads)).toEqual([2]);
    // Only one thread up to the cores is left to fit: no fit.
    expect(a.fit).toBeUndefined();
    // Judged over the fewer repeats of the two: three rounds against six still carry an interval.
    const few = analyseScaling([runs(1, 100, 0.5, 3), runs(2, 30, 0.5, 6)], 24, 2);
    expect(few.rows[1]!.impossible).toMatch(/^3\.33x on 2 threads \(efficiency 167% > 100%\) is above the 2\.00x that 2 usable cores allow/);
    // A baseline of one run: one repeat is too few to judge by, however many the other count had.
    const oneRun = { ...point(1, 100), samples: samplesOf([100]) };
    expect(analyseScaling([oneRun, runs(2, 30, 0.5, 6)], 24, 2).rows[1]!.impossible).toBeUndefined();
    // Without repeats there is no interval to judge by.
    expect(analyseScaling([point(1, 100), point(2, 30)], 24, 2).rows[1]!.impossible).toBeUndefined();
  });
});
