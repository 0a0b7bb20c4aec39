import { describe, expect, it } from 'vitest';
import type { BenchFile } from '../src/report/bench-file.ts';
import { judgeGate } from '../src/report/compare-gate.ts';
import { compareSides } from '../src/report/compare-sides.ts';
import { createRandom, type Random } from '../src/workload/random.ts';

const ROWS = 5;
const REGRESSED = 2;

/** n lognormal samples with the given median and a 3% coefficient of variation (seeded, Box-Muller). */
function lognormal(random: Random, n: number, median: number): number[] {
  const sigma = Math.sqrt(Math.log(1 + 0.03 ** 2));
  return Array.from({ length: n }, () => median * Math.exp(sigma * Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next())));
}

function side(name: string, samples: readonly number[][]): BenchFile {
  return {
    file: name,
    tool: 'lab',
    identity: 'synthetic',
    settings: {},
    rows: samples.map((s, i) => ({ fields: [['workload', `row-${i + 1}`]], medianMs: [...s].sort((a, b) => a - b)[Math.floor(s.length / 2)]!, samplesMs: s })),
  };
}

/** 100 seeded trials of `--fail-on-slower 5` over 5 rows: how many failed the gate, and which rows tripped it. */
function trials(samplesPerSide: number, slowdown: number): { failed: number; trippedRows: Set<string> } {
  let failed = 0;
  const trippedRows = new Set<string>();
  for (let trial = 1; trial <= 100; trial++) {
    const random = createRandom(trial);
    const old = Array.from({ length: ROWS }, (_, i) => lognormal(random, samplesPerSide, 100 * (i + 1)));
    const now = Array.from({ length: ROWS }, (_, i) => lognormal(random, samplesPerSide, 100 * (i + 1) * (i === REGRESSED ? slowdown : 1)));
    const gate = judgeGate(compareSides([side('old', old)], [side('new', now)], { old: ['OLD'], new: ['NEW'] }, () => undefined), 5, false);
    if (gate.failed) failed++;
    for (const row of gate.tripped) trippedRows.add(row.label);
  }
  return { failed, trippedRows };
}

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

  it('with 30 samples a side (three pooled runs of 10), the same regression trips it in at least 95 of 100', () => {
    const { failed, trippedRows } = trials(30, 1.1);
    expect(failed).toBeGreaterThanOrEqual(95);
    expect([...trippedRows]).toEqual([`row-${REGRESSED + 1}`]);
    // The exact Mann-Whitney distribution of 30 against 30 is the slow part: seconds on an idle machine, more under load.
  }, 60_000);

  it('a slowdown of exactly the threshold trips it rarely: the interval must lie above it, not the estimate', () => {
    expect(trials(10, 1.05).failed).toBeLessThanOrEqual(5);
  });
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
