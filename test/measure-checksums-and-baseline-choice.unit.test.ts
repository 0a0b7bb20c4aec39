import { describe, expect, it } from 'vitest';
import { compareModes } from '../src/measure/compare-modes.ts';
import { checksumsMatch, type ModeMeasurement } from '../src/measure/measure-modes.ts';
import { summarize } from '../src/measure/stats.ts';
import type { ModeName, PoolInfo } from '../src/modes/index.ts';
import { foldChecksum } from '../src/workload/cpu-kernel.ts';

// The lab's own integrity check (every mode must do the same work) and the choice of the row every
// speedup is relative to. Each test names the mutants of `npm run mutate` it kills.

function measurement(mode: ModeName, wallMs: number[], checksums: number[][], threads = 1, pool?: PoolInfo): ModeMeasurement {
  return {
    workload: 'w',
    mode,
    threads,
    wallMs,
    summary: summarize(wallMs),
    checksums,
    lastRun: { mode, workload: 'w', threads, wallMs: wallMs[wallMs.length - 1]!, tasks: [], trace: [], lanes: ['main'] },
    cpuMs: [],
    gcShare: [],
    kernelUsPerUnit: [],
    loneWorkerUsPerUnit: [],
    ...(pool && { pool }),
  };
}

describe('checksumsMatch (measure-modes.ts)', () => {
  const reference = [11, 22, 33];

  it('is true only when every run reported exactly the reference checksums', () => {
    expect(checksumsMatch(measurement('sequential', [1, 1], [[11, 22, 33], [11, 22, 33]]), reference)).toBe(true);
  });

  it('is false when one run of several differs (mutant: runs.every -> runs.some)', () => {
    expect(checksumsMatch(measurement('parallel', [1, 1, 1], [[11, 22, 33], [11, 99, 33], [11, 22, 33]]), reference)).toBe(false);
  });

  it('is false when one task of a run differs (mutants: run.every -> run.some, c === reference[i] -> true)', () => {
    expect(checksumsMatch(measurement('parallel', [1], [[11, 22, 34]]), reference)).toBe(false);
    expect(checksumsMatch(measurement('parallel', [1], [[10, 22, 33]]), reference)).toBe(false);
  });

  it('is false when a run reported fewer or more tasks, even if they agree so far (mutant: length check -> true)', () => {
    expect(checksumsMatch(measurement('parallel', [1], [[11, 22]]), reference)).toBe(false);
    expect(checksumsMatch(measurement('parallel', [1], [[11, 22, 33, 44]]), reference)).toBe(false);
  });

  it('compares position by position: the same checksums in another order do not match', () => {
    expect(checksumsMatch(measurement('parallel', [1], [[33, 22, 11]]), reference)).toBe(false);
  });
});

describe('compareModes (compare-modes.ts)', () => {
  it('takes sequential as the baseline even when it is not the first row (mutant: find(...) -> measurements[0])', () => {
    const rows = compareModes([
      measurement('parallel', [50, 50, 50], [[1, 2]], 2),
      measurement('sequential', [100, 100, 100], [[1, 2]]),
      measurement('interleaved', [200, 200, 200], [[1, 2]]),
    ]);
    expect(rows.map((r) => [r.mode, r.baseline, r.speedup])).toEqual([
      ['parallel', 'sequential', 2],
      ['sequential', 'sequential', 1],
      ['interleaved', 'sequential', 0.5],
    ]);
    expect(rows.map((r) => r.efficiency)).toEqual([1, 1, 0.5]);
  });

  it('takes the first row as the baseline when there is no sequential one, and gives no rows for none', () => {
    const rows = compareModes([measurement('interleaved', [40, 40], [[7]]), measurement('parallel', [10, 10], [[7]], 2)]);
    expect(rows.map((r) => [r.mode, r.baseline, r.speedup])).toEqual([
      ['interleaved', 'interleaved', 1],
      ['parallel', 'interleaved', 4],
    ]);
    expect(compareModes([])).toEqual([]);
  });

  it("checks every row against the baseline's first run, and flags the row that did different work", () => {
    const rows = compareModes([
      measurement('interleaved', [10, 10], [[1, 2], [1, 2]]),
      measurement('sequential', [10, 10], [[1, 2], [1, 2]]),
      measurement('parallel', [5, 5], [[1, 2], [1, 3]], 2),
    ]);
    expect(rows.map((r) => [r.mode, r.checksumOk])).toEqual([
      ['interleaved', true],
      ['sequential', true],
      ['parallel', false],
    ]);
  });

  it('folds the first run\'s task checksums into one for display, and carries the summary figures', () => {
    const [row] = compareModes([measurement('sequential', [10, 20, 30], [[5, 6], [7, 8]])]);
    expect(row!.checksum).toBe(foldChecksum(foldChecksum(0x811c9dc5, 5), 6));
    expect(row).toMatchObject({ workload: 'w', threads: 1, repeats: 3, medianMs: 20, meanMs: 20, minMs: 10, maxMs: 30, sdMs: 10 });
    expect(row!.meanCi95Ms).toBeGreaterThan(0);
    expect(row!.rsd).toBeCloseTo(0.5, 12);
    expect(row!.noisy).toBe(true);
  });

  it('says whether the pool was warm only for rows that used a pool', () => {
    const rows = compareModes([
      measurement('sequential', [10], [[1]]),
      measurement('parallel', [5], [[1]], 2, { threads: 2, warm: false, warmUpMs: 3 }),
    ]);
    expect('warm' in rows[0]!).toBe(false);
    expect(rows[1]!.warm).toBe(false);
  });
});
