import { describe, expect, it } from 'vitest';
import { compareModes } from '../src/measure/compare-modes.ts';
import { checksumsMatch, type ModeMeasurement } from '../src/measure/measure-modes.ts';
import { summarize } from '../src/measure/stats.ts';
import type { ModeName, RunResult } from '../src/modes/index.ts';

function measured(mode: ModeName, threads: number, wallMs: number[], checksum = 7): ModeMeasurement {
  const lastRun: RunResult = { mode, workload: 'w', threads, wallMs: wallMs[wallMs.length - 1]!, tasks: [], trace: [], lanes: ['main'] };
  return { workload: 'w', mode, threads, wallMs, summary: summarize(wallMs), checksums: wallMs.map(() => [checksum]), lastRun, cpuMs: [], gcShare: [], kernelUsPerUnit: [], loneWorkerUsPerUnit: [] };
}

describe('compareModes: every row keeps its samples, its intervals and its verdict', () => {
  const sequential = [200, 210, 190, 205, 195, 220, 180];
  const parallel = [100, 100, 100, 100, 100, 100, 300];
  // Computed inside each test, so that mutation testing can tell which test covers which code.
  const compared = (): ReturnType<typeof compareModes> => compareModes([measured('sequential', 1, sequential), measured('parallel', 2, parallel)]);

  it('saves wall ms per repeat in run order, each with its round', () => {
    const [base, par] = compared();
    expect(par!.samples).toEqual(parallel.map((wallMs, i) => ({ round: i + 1, wallMs })));
    expect(base!.samples.map((s) => s.round)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("gives the median its order-statistic interval and keeps the mean's t-interval under its own name", () => {
    const [base] = compared();
    expect(base).toMatchObject({ medianMs: 200, medianLowMs: 180, medianHighMs: 220, medianCoverage: 0.984375, repeats: 7 });
    expect(base!.meanCi95Ms).toBeCloseTo(summarize(sequential).meanCi95, 12);
    expect(base!.meanMs).toBeCloseTo(200, 12);
  });

  it('takes the speedup interval from the per-round ratios and judges it by Wilcoxon over rounds', () => {
    const [base, par] = compared();
    // Ratios 2, 2.1, 1.9, 2.05, 1.95, 2.2, 0.6: 7 of them, so min..max.
    expect(par).toMatchObject({ speedup: 2, speedupLow: 0.6, speedupHigh: 2.2, speedupMethod: 'paired rounds', efficiency: 1, baseline: 'sequential' });
    expect(par!.verdict).toEqual({ state: 'same', n: 7, p: 0.234375 }); // W+ = 6.5 (the +120 ties with a -120)
    expect(base).toMatchObject({ speedup: 1, speedupLow: 1, speedupHigh: 1, verdict: { state: 'same', n: 7, p: 1 } });
  });

  it('names outlier rounds and keeps them in the median', () => {
    const [base, par] = compared();
    expect(par!.outlierRounds).toEqual([7]);
    expect(par!.medianMs).toBe(100);
    expect(base!.outlierRounds).toEqual([]);
  });

  it('checks checksums against the baseline and folds them for display', () => {
    const bad = compareModes([measured('sequential', 1, [1, 2, 3]), measured('interleaved', 1, [1, 2, 3], 8)]);
    expect(bad.map((r) => r.checksumOk)).toEqual([true, false]);
    expect(bad[0]!.checksum).not.toBe(bad[1]!.checksum);
    expect(compareModes([])).toEqual([]);
    const auto = compareModes([{ ...measured('sequential', 1, [1, 2, 3]), stoppedBy: 'budget' }])[0]!;
    expect(auto.stoppedBy).toBe('budget');
    expect('stoppedBy' in bad[0]!).toBe(false);
    expect('warm' in bad[0]!).toBe(false);
    const pooled = compareModes([{ ...measured('parallel', 2, [1, 2, 3]), pool: { threads: 2, warm: true, warmUpMs: 1 } }])[0]!;
    expect(pooled.warm).toBe(true);
  });

  it('takes sequential as the baseline wherever it stands, and copes with runs that report no checksums', () => {
    const [par, seq] = compareModes([measured('parallel', 2, [50, 50, 50]), measured('sequential', 1, [100, 100, 100])]);
    expect(par).toMatchObject({ baseline: 'sequential', speedup: 2, efficiency: 1 });
    expect(seq).toMatchObject({ baseline: 'sequential', speedup: 1 });
    const empty: ModeMeasurement = { ...measured('sequential', 1, [1, 2]), checksums: [] };
    const [row] = compareModes([empty]);
    expect(row).toMatchObject({ checksumOk: true, checksum: 0x811c9dc5 });
  });

  it('matches checksums run by run, every task, same count', () => {
    const base = measured('sequential', 1, [1, 2]);
    expect(checksumsMatch(base, [7])).toBe(true);
    expect(checksumsMatch({ ...base, checksums: [[7], [7, 7]] }, [7])).toBe(false);
    expect(checksumsMatch({ ...base, checksums: [[7, 8]] }, [7, 9])).toBe(false);
    expect(checksumsMatch({ ...base, checksums: [[8, 9]] }, [7, 9])).toBe(false);
  });

  it('names outlier rounds by their round number, not their position', () => {
    const rows = compareModes([measured('sequential', 1, [10, 10, 10, 10, 10, 10, 99])]);
    expect(rows[0]!.outlierRounds).toEqual([7]);
    expect(rows[0]!.samples[6]).toEqual({ round: 7, wallMs: 99 });
    expect(compareModes([measured('parallel', 2, [5, 6, 7])])[0]).toMatchObject({ baseline: 'parallel', speedup: 1, verdict: { state: 'too-few', n: 3 } });
  });
});
