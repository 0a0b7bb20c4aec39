import { describe, expect, it } from 'vitest';
import { comparedWithRow } from '../src/experiment/compared-with.ts';
import type { ModeFigures } from '../src/experiment/mode-rows.ts';
import { samplesOf } from '../src/measure/samples.ts';
import type { ModeName } from '../src/modes/index.ts';

// comparedWithRow says how a row compared with another mode's row: the other's median over the row's
// (how many times faster the row was), with the paired verdict over the rounds both ran.

const figures = (mode: ModeName, wallMs: readonly number[] | undefined, medianMs: number): ModeFigures => ({
  workload: 'w',
  mode,
  threads: 1,
  medianMs,
  minMs: medianMs,
  maxMs: medianMs,
  speedup: 1,
  checksumOk: true,
  ...(wallMs !== undefined && { samples: samplesOf(wallMs) }),
});

const rounds = [100, 101, 102, 103, 104, 105, 106];

describe('comparedWithRow', () => {
  it('a row that took half the time is 2x faster than the other, with the paired p over its 7 rounds', () => {
    const parallel = figures('parallel', rounds.map((x) => x / 2), 51.5);
    const sequential = figures('sequential', rounds, 103);
    expect(comparedWithRow(parallel, sequential)).toBe('2.00x faster than sequential (p = 0.016)');
    expect(comparedWithRow(sequential, parallel)).toBe('2.00x slower than parallel (p = 0.016)');
  });

  it('without samples on either side, the ratio alone', () => {
    expect(comparedWithRow(figures('hybrid', undefined, 40), figures('sequential', rounds, 100))).toBe('2.50x faster than sequential');
    expect(comparedWithRow(figures('hybrid', rounds, 100), figures('interleaved', undefined, 100))).toBe('about as fast as interleaved');
  });
});
