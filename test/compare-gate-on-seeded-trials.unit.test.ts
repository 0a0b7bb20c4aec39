import { describe, expect, it } from 'vitest';
import { REGRESSED, trials } from './helpers/gate-trials.ts';

describe('the gate on 100 seeded trials: 5 rows, 3% noise (lognormal), --fail-on-slower 5', () => {
  it('an A/A comparison (both sides drawn from one distribution) passes in at least 95 of 100', () => {
    expect(trials(10, 1).failed).toBeLessThanOrEqual(5);
  });

  it('a true 10% regression in one row trips the gate in at least 75 of 100 with 10 samples a side, and only that row ever trips', () => {
    // Not the 95 the issue asked for: with 10 samples at 3% noise the median ratio's 95% bootstrap
    // interval is about +-3% wide, so its low end clears 1.05 only when the estimate lands above
    // about 1.08, which a true 1.10 does in about 4 trials of 5 (82 here). See docs/ci-gate.md.
    const { failed, trippedRows } = trials(10, 1.1);
    expect(failed).toBeGreaterThanOrEqual(75);
    expect([...trippedRows]).toEqual([`row-${REGRESSED + 1}`]);
  });

  it('a slowdown of exactly the threshold trips it rarely: the interval must lie above it, not the estimate', () => {
    expect(trials(10, 1.05).failed).toBeLessThanOrEqual(5);
  });
});
