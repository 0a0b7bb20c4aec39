import { describe, expect, it } from 'vitest';
import { judgeGate } from '../src/report/compare-gate.ts';
import { compareSides } from '../src/report/compare-sides.ts';
import { createRandom } from '../src/workload/random.ts';
import { lognormal, REGRESSED, side, trials } from './helpers/gate-trials.ts';

// Apart from the 10-sample trials, so that the test runner's workers share the gate's heavier cases.
describe('the gate on 100 seeded trials with 30 samples a side: 5 rows, 3% noise (lognormal), --fail-on-slower 5', () => {
  it('with 30 samples a side (three pooled runs of 10), the same regression trips it in at least 95 of 100', () => {
    const { failed, trippedRows } = trials(30, 1.1);
    expect(failed).toBeGreaterThanOrEqual(95);
    expect([...trippedRows]).toEqual([`row-${REGRESSED + 1}`]);
    // 500 bootstraps of 2000 resampled medians of 30 are the slow part: seconds on an idle machine, more under load.
  }, 60_000);
});

describe('the gate on a tool that keeps a sample per call', () => {
  it('compares 100000 samples a side, its bootstrap on 1000 quantiles of each, and still finds a 10% regression', () => {
    const random = createRandom(7);
    const gate = judgeGate(compareSides([side('old', [lognormal(random, 100_000, 1)])], [side('new', [lognormal(random, 100_000, 1.1)])], { old: ['OLD'], new: ['NEW'] }, () => undefined), 5, false);
    expect(gate.failed).toBe(true);
    expect(gate.tripped[0]!.interval!.low).toBeGreaterThan(1.05);
    expect(gate.tripped[0]!.interval!.high).toBeLessThan(1.15);
    // No time is asserted: resampling 100000 values 2000 times a side would run past the tier's timeout.
  });
});
