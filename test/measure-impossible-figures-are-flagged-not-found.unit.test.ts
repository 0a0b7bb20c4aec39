import { describe, expect, it } from 'vitest';
import { analyseGranularity, interpretGranularity, type SizeFigures } from '../experiments/granularity/index.ts';
import type { ModeFigures } from '../src/experiment/mode-rows.ts';
import { analyseScaling, type ScalingPoint } from '../experiments/scaling/analysis.ts';
import { interpretScaling } from '../experiments/scaling/analysis-notes.ts';
import { compareModes } from '../src/measure/compare-modes.ts';
import { impossibleOverhead, impossibleSpeedup, judgeFor, possibleOnly, speedupCeiling } from '../src/measure/impossible-figures.ts';
import type { ModeMeasurement } from '../src/measure/measure-modes.ts';
import { summarize } from '../src/measure/stats.ts';
import type { ModeName } from '../src/modes/index.ts';
import { IMPOSSIBLE_MARK, impossibleNotes, likelyCause } from '../src/report/impossible-notes.ts';
import { modeTable } from '../src/report/mode-table.ts';
import { isCpuBoundWorkload } from '../src/workload/cpu-bound.ts';
import { cpuBoundWorkload, waitBoundWorkload } from '../src/workload/presets.ts';

const base = { baseline: 'sequential', baselineThreads: 1, cores: 2, cpuBound: true, repeats: 6 } as const;

function measured(mode: ModeName, threads: number, wallMs: number[]): ModeMeasurement {
  const checksums = wallMs.map(() => [7, 11]);
  return {
    workload: 'cpu-bound',
    mode,
    threads,
    wallMs,
    summary: summarize(wallMs),
    checksums,
    lastRun: { mode, workload: 'cpu-bound', threads, wallMs: wallMs[wallMs.length - 1]!, tasks: [], trace: [], lanes: [] },
    cpuMs: [],
    gcShare: [],
    kernelUsPerUnit: [],
    loneWorkerUsPerUnit: [],
  };
}

describe('impossible figures', () => {
  it('the ceiling is the usable threads over the baseline usable threads', () => {
    expect(speedupCeiling(2, 1, 2)).toBe(2);
    expect(speedupCeiling(4, 1, 2)).toBe(2);
    expect(speedupCeiling(1, 1, 2)).toBe(1);
    expect(speedupCeiling(8, 2, 4)).toBe(2);
  });

  it('flags a superlinear CPU-bound speedup only when its whole interval lies above the ceiling', () => {
    expect(impossibleSpeedup({ ...base, mode: 'parallel', threads: 2, speedup: 2.3, speedupLow: 2.25 })).toBe(
      '2.30x on 2 threads (efficiency 115% > 100%) is above the 2.00x that 2 usable cores allow, its interval starting at 2.25x',
    );
    expect(impossibleSpeedup({ ...base, mode: 'parallel', threads: 2, speedup: 2.04, speedupLow: 1.99 })).toBeUndefined();
    // One repeat has no interval to be beyond.
    expect(impossibleSpeedup({ ...base, repeats: 1, mode: 'parallel', threads: 2, speedup: 2.3, speedupLow: 2.3 })).toBeUndefined();
    expect(impossibleSpeedup({ ...base, mode: 'parallel', threads: 2, speedup: 2.05, speedupLow: 2 })).toBeUndefined();
    // Past the cores, the cores are the ceiling, and efficiency per thread stays below 100%.
    expect(impossibleSpeedup({ ...base, mode: 'parallel', threads: 4, speedup: 2.3, speedupLow: 2.25 })).toBe(
      '2.30x on 4 threads is above the 2.00x that 2 usable cores allow, its interval starting at 2.25x',
    );
  });

  it('flags interleaving that beats running in order on pure CPU work, beyond its interval', () => {
    const interleaved = { ...base, mode: 'interleaved', threads: 1 };
    expect(impossibleSpeedup({ ...interleaved, speedup: 1.09, speedupLow: 1.05 })).toMatch(/interleaving cannot beat running in order$/);
    expect(impossibleSpeedup({ ...interleaved, speedup: 1.03, speedupLow: 0.99 })).toBeUndefined();
  });

  it('never flags work that waits, nor the baseline itself', () => {
    expect(impossibleSpeedup({ ...base, cpuBound: false, mode: 'interleaved', threads: 1, speedup: 11, speedupLow: 10.9 })).toBeUndefined();
    expect(impossibleSpeedup({ ...base, mode: 'sequential', threads: 1, speedup: 5, speedupLow: 5 })).toBeUndefined();
  });

  it('flags a per-task overhead below zero by more than its interval', () => {
    expect(impossibleOverhead(2.07, 2.05, 2, 1)).toBeUndefined();
    expect(impossibleOverhead(2.07, 2.05, 2, 6)).toBe('a negative per-task overhead: 2.07x beats the ideal 2.00x for these tasks, its interval starting at 2.05x');
    expect(impossibleOverhead(2.07, 1.99, 2, 6)).toBeUndefined();
    expect(impossibleOverhead(1.9, 1.89, 2, 6)).toBeUndefined();
  });

  it('knows CPU-bound workloads from those that wait or block', () => {
    expect(isCpuBoundWorkload(cpuBoundWorkload({ tasks: 2, unitsPerTask: 10 }))).toBe(true);
    expect(isCpuBoundWorkload(waitBoundWorkload({ tasks: 2, waitsPerTask: 1, minWaitMs: 1, maxWaitMs: 2, unitsPerReply: 1, seed: 1 }))).toBe(false);
    expect(isCpuBoundWorkload({ name: 'b', tasks: [{ name: 't', parts: [{ kind: 'cpu', units: 1 }, { kind: 'block', ms: 1 }] }] })).toBe(false);
    expect(judgeFor(cpuBoundWorkload({ tasks: 2, unitsPerTask: 10 }), 4)).toEqual({ cores: 4, cpuBound: true });
  });

  it('compareModes marks a hand-made superlinear row, the table and notes flag it, and fits can leave it out', () => {
    const measurements = [
      measured('sequential', 1, [160, 161, 162, 163, 164]),
      measured('interleaved', 1, [160, 161, 161, 162, 163]),
      measured('parallel', 2, [69, 70, 70, 70, 71]),
    ];
    const rows = compareModes(measurements, { cores: 2, cpuBound: true });
    expect(rows.map((r) => r.impossible === undefined)).toEqual([true, true, false]);
    expect(rows[2]!.impossible).toMatch(/^2\.31x on 2 threads \(efficiency 116% > 100%\) is above the 2\.00x that 2 usable cores allow, its interval starting at 2\.30x$/);
    // Without a judge, nothing is judged; on waiting work, nothing can be ruled out.
    expect(compareModes(measurements).some((r) => r.impossible !== undefined)).toBe(false);
    expect(compareModes(measurements, { cores: 2, cpuBound: false }).some((r) => r.impossible !== undefined)).toBe(false);
    // A single repeat has no interval to be beyond, so it is not judged.
    const once = [measured('sequential', 1, [160]), measured('parallel', 2, [70])];
    expect(compareModes(once, { cores: 2, cpuBound: true }).some((r) => r.impossible !== undefined)).toBe(false);

    const table = modeTable('cpu-bound', rows);
    expect(table.rows.map((r) => r[0])).toEqual(['sequential', 'interleaved', `parallel ${IMPOSSIBLE_MARK}`]);
    const flagged = (table.warnings ?? []).filter((w) => w.startsWith('impossible'));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatch(/^impossible ✗: cpu-bound parallel: 2\.31x/);

    const notes = impossibleNotes(rows, 1.15);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('This is not a finding: the sequential baseline ran 15% slower per unit than a lone worker.');
    expect(possibleOnly(rows).map((r) => r.mode)).toEqual(['sequential', 'interleaved']);
  });

  it('names the likely cause from the kernel calibration when the run has one', () => {
    expect(likelyCause(1.15)).toBe('the sequential baseline ran 15% slower per unit than a lone worker');
    expect(likelyCause(0.9)).toMatch(/^the sequential baseline ran 10.0% faster per unit than a lone worker/);
    expect(likelyCause(1.01)).toMatch(/cost the same per unit/);
    expect(likelyCause()).toMatch(/^most likely the baseline ran slow/);
    expect(impossibleNotes([{ workload: 'w', mode: 'parallel' }])).toEqual([]);
  });
});

describe('fits leave impossible points out, and say so', () => {
  const row = (mode: ModeName, threads: number, medianMs: number, speedupLow?: number): ModeFigures => ({
    workload: 'split', mode, threads, medianMs, minMs: medianMs, maxMs: medianMs, speedup: 100 / medianMs, checksumOk: true,
    ...(speedupLow !== undefined && { speedupLow }),
    samples: [1, 2, 3, 4, 5, 6].map((round) => ({ round, wallMs: medianMs })),
  });
  // Sequential 100 ms; parallel = 50 ms ideal + 0.1 ms per task, except one size whose parallel beat the ideal.
  const size = (unitsPerTask: number, tasks: number, parallelMs = 50 + 0.1 * tasks): SizeFigures => ({
    unitsPerTask,
    tasks,
    rows: [row('sequential', 1, 100), row('parallel', 2, parallelMs, (100 / parallelMs) * 0.99), row('hybrid', 2, 50 + 0.01 * tasks), row('piscina', 2, 50 + 0.02 * tasks)],
  });

  it('granularity: a negative overhead beyond its interval is flagged in the table data and notes, and the fit ignores it', () => {
    const honest = analyseGranularity([size(4, 1000), size(16, 250), size(64, 64)], 2, 2);
    const planted = analyseGranularity([size(4, 1000), size(16, 250), size(64, 64, 45)], 2, 2);
    expect(honest.fittedOverheadUs.parallel).toBeCloseTo(100, 6);
    // Left out, not clamped: the planted point (-78 µs per task) changes nothing.
    expect(planted.fittedOverheadUs.parallel).toBeCloseTo(100, 6);
    expect(planted.sizes[2]!.overheadUs.parallel).toBeCloseTo(-78.125, 6);
    expect(planted.sizes[2]!.impossible.parallel).toMatch(/^a negative per-task overhead: 2\.22x beats the ideal 2\.00x/);
    expect(planted.sizes[0]!.impossible.parallel).toBeUndefined();
    expect(planted.leftOutOfFit.parallel).toEqual([64]);
    const notes = interpretGranularity(planted, 2).join('\n');
    expect(notes).toContain('IMPOSSIBLE (✗): 64 units/task parallel: a negative per-task overhead');
    expect(notes).toContain('The fitted overheads leave the impossible points out (not clamped to zero): parallel left out 64 units/task.');
    expect(interpretGranularity(honest, 2).join('\n')).not.toContain('IMPOSSIBLE');
  });

  it('scaling: a superlinear thread count stays out of the Amdahl fit and is named', () => {
    const samples = (ms: number): { round: number; wallMs: number }[] => [0, 1, 2, 3, 4, 5].map((i) => ({ round: i + 1, wallMs: ms + (i % 2) * 0.5 }));
    const point = (threads: number, ms: number): ScalingPoint => ({ threads, medianMs: ms, minMs: ms, maxMs: ms + 0.5, checksumOk: true, samples: samples(ms) });
    const a = analyseScaling([point(1, 100), point(2, 40), point(3, 60), point(4, 58)], 24, 4);
    expect(a.rows.map((r) => r.impossible === undefined)).toEqual([true, false, true, true]);
    expect(a.rows[1]!.impossible).toMatch(/^2\.50x on 2 threads \(efficiency 125% > 100%\) is above the 2\.00x that 2 usable cores allow/);
    // The fit sees only 1, 3 and 4 threads.
    expect(a.fit!.points).toBe(3);
    const notes = interpretScaling(a).join('\n');
    expect(notes).toContain('IMPOSSIBLE (✗): scaling 2 threads');
    expect(notes).toContain('The Amdahl fit leaves out 2 threads (impossible, not clamped).');
  });
});
