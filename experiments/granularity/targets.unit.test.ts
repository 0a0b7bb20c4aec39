import { describe, expect, it } from 'vitest';
import { analyseGranularity, granularity, overheadTargetMet, type SizeFigures } from './index.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import { planOf, row, size, sweep, twoCores } from '../../test/helpers/granularity-figures.ts';

const factsOf = (figures: readonly SizeFigures[]) => granularity.analyse({ plan: planOf(figures), figures }, twoCores).facts;

describe('granularity targets: "met" means met', () => {
  it('Met is 0 when a fit is negative', () => {
    // The plain pool 0.5 µs a task under the ideal: parallel/piscina = 100 / -0.5 = -200, which is "at most 1.25x" only by arithmetic.
    const negativePool = sweep.map((s) => size(s.unitsPerTask, s.tasks, { piscina: 50 - 0.0005 * s.tasks }));
    const pool = factsOf(negativePool);
    expect(pool.piscinaOverheadUsPerTask).toBeCloseTo(-0.5, 9);
    expect(pool.parallelOverheadVsPiscinaMet).toBe(0);
    // Parallel 10 µs a task under the ideal, the pool 20 µs over it: -0.5x, no better.
    const negativeParallel = sweep.map((s) => size(s.unitsPerTask, s.tasks, { parallel: 50 - 0.01 * s.tasks }));
    const parallel = factsOf(negativeParallel);
    expect(parallel.parallelOverheadUsPerTask).toBeCloseTo(-10, 9);
    expect(parallel.parallelOverheadVsPiscina).toBeCloseTo(-0.5, 9);
    expect(parallel.parallelOverheadVsPiscinaMet).toBe(0);
    // Both positive and within the target: met, with the interval beside it.
    const close = factsOf(sweep.map((s) => size(s.unitsPerTask, s.tasks, { parallel: 50 + 0.024 * s.tasks })));
    expect(close.parallelOverheadVsPiscina).toBeCloseTo(1.2, 9);
    expect(close.parallelOverheadVsPiscinaMet).toBe(1);
    expect(close.parallelOverheadVsPiscinaLow).toBeLessThanOrEqual(1.2 + 1e-9);
    expect(close.parallelOverheadVsPiscinaHigh).toBeGreaterThanOrEqual(1.2 - 1e-9);
    expect(factsOf(sweep).parallelOverheadVsPiscinaMet).toBe(0);
  });

  it('meets an overhead target only with both costs positive and the ratio within it', () => {
    expect(overheadTargetMet(24, 20, 1.25)).toBe(true);
    expect(overheadTargetMet(25, 20, 1.25)).toBe(true);
    expect(overheadTargetMet(25.1, 20, 1.25)).toBe(false);
    expect(overheadTargetMet(100, -0.5, 1.25)).toBe(false);
    expect(overheadTargetMet(-10, 20, 1.25)).toBe(false);
    expect(overheadTargetMet(0, 20, 1.25)).toBe(false);
    expect(overheadTargetMet(10, 0, 1.25)).toBe(false);
    expect(overheadTargetMet(Number.NaN, 20, 1.25)).toBe(false);
  });

  it('fits every dispatch mode on the same sizes: those possible for all', () => {
    // At 64 units parallel beat the ideal beyond its interval (impossible); the pool paid 3 ms more there than its 20 µs a task.
    const figures = [size(4, 1000), size(16, 250), size(64, 64, { parallel: 45, piscina: 50 + 0.02 * 64 + 3 }, { parallel: { speedupLow: 2.2 } }), size(256, 16)];
    const a = analyseGranularity(figures, 2, 2);
    // On 4, 16 and 256 units the pool's cost is exactly 20 µs; a fit that kept its own 64 would not be.
    expect(a.fittedOverheadUs.piscina).toBeCloseTo(20, 9);
    expect(a.leftOutOfFit.parallel).toEqual([64]);
    expect(a.leftOutOfFit.piscina).toEqual([]);
    expect(a.fittedSizes).toEqual([4, 16, 256]);
    expect(a.fittedOverheadUs.parallel).toBeCloseTo(100, 9);
    expect(a.fittedOverheadUs.hybrid).toBeCloseTo(10, 9);
    const facts = factsOf(figures);
    expect(facts.piscinaOverheadUsPerTask).toBeCloseTo(20, 9);
    expect(facts.parallelOverheadVsPiscina).toBeCloseTo(5, 9);
    expect(granularity.analyse({ plan: planOf(figures), figures }, twoCores).notes.join('\n')).toContain(
      'The fitted overheads leave the impossible points out (not clamped to zero): parallel left out 64 units/task. Every mode is fitted on the same sizes, those possible for all (4, 16, 256 units/task), so that their costs compare the same work.',
    );
  });

  it('meets the speedup target by the point estimate, and says apart whether the interval includes the target', () => {
    // Figures rebuilt from a saved result: no rounds in the rows, the paired interval from its facts. 0.95 is short of 0.97 though the interval reaches 0.99.
    const saved = sweep.map((f, i) => (i === 3 ? { ...f, rows: f.rows.map(({ samples: _, ...r }) => (r.mode === 'piscina' ? { ...r, medianMs: 51.6 * 0.95 } : r)) } : f));
    const fromFacts = granularity.analyse({ plan: planOf(saved), figures: saved, speedupVsPiscina: { low: 0.92, high: 0.99, coverage: 0.96, method: 'paired rounds' } }, twoCores).facts;
    expect(fromFacts.parallelSpeedupVsPiscina).toBeCloseTo(0.95, 9);
    expect(fromFacts.parallelSpeedupVsPiscinaMet).toBe(0);
    expect(fromFacts.parallelSpeedupVsPiscinaIntervalIncludesTarget).toBe(1);
    expect(fromFacts.parallelSpeedupVsPiscinaHigh).toBe(0.99);
    // At the largest size piscina / parallel per round: the point (median over median) 0.95, the interval up to 0.99.
    const ratios = [0.9, 0.92, 0.94, 0.95, 0.95, 0.95, 0.96, 0.99, 1];
    const largest = size(256, 16);
    const parallel = { ...row('parallel', 2, 52, 100), samples: samplesOf(ratios.map(() => 52)) };
    const piscina = { ...row('piscina', 2, 52 * 0.95, 100), samples: samplesOf(ratios.map((r) => 52 * r)) };
    const figures = [...sweep.slice(0, 3), { ...largest, rows: largest.rows.map((r) => (r.mode === 'parallel' ? parallel : r.mode === 'piscina' ? piscina : r)) }];
    const facts = factsOf(figures);
    expect(facts.parallelSpeedupVsPiscina).toBeCloseTo(0.95, 9);
    // Nine paired rounds: the 2nd and 8th of the sorted ratios (coverage 96%).
    expect(facts.parallelSpeedupVsPiscinaLow).toBeCloseTo(0.92, 9);
    expect(facts.parallelSpeedupVsPiscinaHigh).toBeCloseTo(0.99, 9);
    expect(facts.parallelSpeedupVsPiscinaMet).toBe(0);
    expect(facts.parallelSpeedupVsPiscinaIntervalIncludesTarget).toBe(1);
    // A point at the target meets it; an interval wholly below it does not include it.
    const above = factsOf(figures.map((f, i) => (i === 3 ? { ...f, rows: f.rows.map((r) => (r.mode === 'piscina' ? { ...r, medianMs: 52 * 0.98 } : r)) } : f)));
    expect(above.parallelSpeedupVsPiscinaMet).toBe(1);
    const below = figures.map((f, i) => (i === 3 ? { ...f, rows: f.rows.map((r) => (r.mode === 'piscina' ? { ...r, samples: samplesOf(ratios.map((x) => 52 * (x - 0.1))) } : r)) } : f));
    expect(factsOf(below).parallelSpeedupVsPiscinaIntervalIncludesTarget).toBe(0);
  });
});
