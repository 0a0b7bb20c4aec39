import { describe, expect, it } from 'vitest';
import { compareModes } from '../src/measure/compare-modes.ts';
import type { ModeMeasurement } from '../src/measure/measure-modes.ts';
import { summarize } from '../src/measure/stats.ts';
import type { ModeName } from '../src/modes/index.ts';
import { sequentialWithASecondSubject } from './helpers/sequential-with-a-second-subject.ts';

// In-process checks of the per-run figures rows carry (CPU, GC, kernel calibration) and of the
// modes measured a second time without steps, so that mutation testing can see them.

function measured(mode: ModeName, extra: Partial<Pick<ModeMeasurement, 'cpuMs' | 'gcShare' | 'kernelUsPerUnit' | 'loneWorkerUsPerUnit'>>): ModeMeasurement {
  const wallMs = [10, 11, 12];
  return {
    workload: 'w', mode, threads: 1, wallMs, summary: summarize(wallMs), checksums: wallMs.map(() => [1]),
    lastRun: { mode, workload: 'w', threads: 1, wallMs: 12, tasks: [], trace: [], lanes: ['main'] },
    cpuMs: [], gcShare: [], kernelUsPerUnit: [], loneWorkerUsPerUnit: [],
    ...extra,
  };
}

describe('compareModes: CPU, GC and kernel figures are medians of the runs', () => {
  it('takes the median of each, NaN where a figure was never measured', () => {
    const [row] = compareModes([measured('sequential', { cpuMs: [3, 1, 2], gcShare: [0.5, 0.1, 0.2], kernelUsPerUnit: [7, 5, 6] })]);
    expect(row).toMatchObject({ cpuMs: 2, gcShare: 0.2, kernelUsPerUnit: 6 });
    const [bare] = compareModes([measured('sequential', {})]);
    expect([bare!.cpuMs, bare!.gcShare, bare!.kernelUsPerUnit].every((v) => Number.isNaN(v))).toBe(true);
  });

  it('gives a lone worker figure only when some run measured one', () => {
    const [with_] = compareModes([measured('sequential', { loneWorkerUsPerUnit: [4, 6, 5] })]);
    expect(with_!.loneWorkerUsPerUnit).toBe(5);
    const [without] = compareModes([measured('sequential', { loneWorkerUsPerUnit: [Number.NaN, Number.NaN, Number.NaN] })]);
    expect('loneWorkerUsPerUnit' in without!).toBe(false);
  });
});

describe('measureModes: a mode measured again without steps', () => {
  it('runs in the same rounds, returns after the others with steps: false, and records no steps', async () => {
    const { workload, rows, progress } = await sequentialWithASecondSubject('untraced', 2);
    expect(rows.map((r) => [r.mode, r.steps])).toEqual([['sequential', undefined], ['sequential', false]]);
    expect('steps' in rows[0]!).toBe(false);
    expect(rows[0]!.lastRun.trace.length).toBeGreaterThan(0);
    expect(rows[1]!.lastRun.trace).toHaveLength(0);
    // The last run is the one drawn: its wall time is the last sample's.
    for (const r of rows) expect(r.lastRun.wallMs).toBe(r.wallMs[r.wallMs.length - 1]);
    for (const r of rows) {
      expect(r.cpuMs).toHaveLength(2);
      expect(r.cpuMs.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
      expect(r.gcShare).toHaveLength(2);
      expect(r.kernelUsPerUnit.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    }
    expect(new Set(progress.map((p) => p.label))).toEqual(new Set([`${workload.name} sequential`, `${workload.name} sequential (no steps)`]));
  });
});
