// Seeded synthetic sides for the regression gate's tests: 5 rows, lognormal samples with a 3% coefficient of variation.
import type { BenchFile } from '../../src/report/bench-file.ts';
import { judgeGate } from '../../src/report/compare-gate.ts';
import { compareSides } from '../../src/report/compare-sides.ts';
import { createRandom, type Random } from '../../src/workload/random.ts';

const ROWS = 5;
/** The row (0-based) a regression is put in. */
export const REGRESSED = 2;

/** n lognormal samples with the given median and a 3% coefficient of variation (seeded, Box-Muller). */
export function lognormal(random: Random, n: number, median: number): number[] {
  const sigma = Math.sqrt(Math.log(1 + 0.03 ** 2));
  return Array.from({ length: n }, () => median * Math.exp(sigma * Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next())));
}

export function side(name: string, samples: readonly number[][]): BenchFile {
  return {
    file: name,
    tool: 'lab',
    identity: 'synthetic',
    settings: {},
    rows: samples.map((s, i) => ({ fields: [['workload', `row-${i + 1}`]], medianMs: [...s].sort((a, b) => a - b)[Math.floor(s.length / 2)]!, samplesMs: s })),
  };
}

/** 100 seeded trials of `--fail-on-slower 5` over 5 rows: how many failed the gate, and which rows tripped it. */
export function trials(samplesPerSide: number, slowdown: number): { failed: number; trippedRows: Set<string> } {
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

