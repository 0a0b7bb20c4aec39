import { describe, expect, it } from 'vitest';
import { interpretWorkload } from '../src/experiment/workload-experiment.ts';
import type { ModeComparison } from '../src/measure/compare-modes.ts';
import { checksumWarning } from '../src/report/checksum-warning.ts';
import { fixedStats } from './helpers/fixed-stats.ts';

describe('checksum warning', () => {
  it('names every row that did different work, and says nothing when all agree', () => {
    const rows = [
      { workload: 'w', mode: 'sequential', checksumOk: true },
      { workload: 'w', mode: 'parallel', checksumOk: false },
      { workload: 'v', mode: 'hybrid', checksumOk: false },
    ];
    expect(checksumWarning(rows)).toEqual(['CHECKSUMS DIFFER in w/parallel, v/hybrid: these rows did different work, and their times mean nothing.']);
    expect(checksumWarning(rows.slice(0, 1))).toEqual([]);
  });

  it('comes first in the notes of a user workload run', () => {
    const row = (mode: ModeComparison['mode'], medianMs: number, checksumOk: boolean): ModeComparison => ({
      workload: 'w', mode, threads: 1, repeats: 3, medianMs, meanMs: medianMs, minMs: medianMs, maxMs: medianMs, sdMs: 0,
      rsd: 0, noisy: false, speedup: 100 / medianMs, ...fixedStats(medianMs, 100 / medianMs), efficiency: 100 / medianMs, checksumOk, checksum: 1, baseline: 'sequential',
    });
    const good = interpretWorkload([row('sequential', 100, true), row('interleaved', 50, true)]);
    expect(good).toEqual(['Fastest: interleaved, at 2.00x the speed of sequential with 1 thread (efficiency 200%); against sequential: too few repeats for a verdict (n = 3).', 'Every mode reported the same checksum for every task.']);
    const bad = interpretWorkload([row('sequential', 100, true), row('interleaved', 50, false)]);
    expect(bad[0]).toMatch(/^CHECKSUMS DIFFER in w\/interleaved/);
    expect(bad).not.toContain('Every mode reported the same checksum for every task.');
  });
});
