import { describe, expect, it } from 'vitest';
import { interpretIoBound, ioBoundWorkload, ioFacts, ioBound } from './index.ts';
import type { ModeFigures } from '../../src/experiment/mode-rows.ts';
import type { ModeName } from '../../src/modes/index.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import { runTinyIn } from '../../test/helpers/experiments.ts';
import { mostWaitsAtOnce, timerWaits } from '../../test/helpers/trace-waits.ts';

function row(mode: ModeName, threads: number, medianMs: number, baselineMs: number): ModeFigures {
  return { workload: 'wait-bound', mode, threads, medianMs, minMs: medianMs, maxMs: medianMs, speedup: baselineMs / medianMs, checksumOk: true };
}

describe('io-bound experiment', () => {
  it('runs the same waits in every mode: identical checksums, and interleaving overlaps more waits than the pool has threads', async () => {
    const result = await runTinyIn(ioBound, ['sequential', 'interleaved', 'parallel']);
    const rows = result.rows;
    // 12 tasks of waits. How much overlapping saves is the experiment's own figure (its table and facts);
    // what a test can prove on a busy machine is the overlap, from the traces: one wait at a time in
    // sequential, at most one a thread in the pool, and more than that on interleaving's one thread.
    const waitsAtOnce = (mode: string): number => mostWaitsAtOnce(timerWaits(result.runs!.find((r) => r.run.mode === mode)!.run.trace));
    const poolThreads = result.runs!.find((r) => r.run.mode === 'parallel')!.run.threads;
    expect(poolThreads).toBeGreaterThan(1);
    expect(waitsAtOnce('sequential')).toBe(1);
    expect(waitsAtOnce('parallel')).toBeGreaterThan(1);
    expect(waitsAtOnce('parallel')).toBeLessThanOrEqual(poolThreads);
    expect(waitsAtOnce('interleaved')).toBeGreaterThan(poolThreads);
    // No mode can beat what its waits allow.
    for (const r of rows) expect(r.medianMs).toBeGreaterThanOrEqual(r.referenceMs);
    expect(result.facts.sumOfWaitsMs).toBeGreaterThan(result.facts.perfectPoolMs);
    expect(result.notes.join('\n')).not.toContain('CHECKSUMS DIFFER');
  });

  it('derives its references from the waits, the same for the same seed', () => {
    const workload: WorkloadSpec = {
      name: 'hand',
      tasks: [
        { name: 'a', parts: [{ kind: 'wait', ms: 30 }, { kind: 'wait', ms: 10 }] },
        { name: 'b', parts: [{ kind: 'wait', ms: 20 }] },
        { name: 'c', parts: [{ kind: 'wait', ms: 20 }] },
      ],
    };
    // Waits per task 40, 20, 20: one thread needs 80; two need 40 (a | b then c), already the longest task's 40.
    expect(ioFacts(workload, 1)).toMatchObject({ sumOfWaitsMs: 80, longestTaskWaitMs: 40, perfectPoolMs: 80, threads: 1, threadsToMatchInterleaving: 2 });
    expect(ioFacts(workload, 2).perfectPoolMs).toBe(40);
    expect(ioFacts(ioBoundWorkload(true, 7), 2)).toEqual(ioFacts(ioBoundWorkload(true, 7), 2));
    expect(ioFacts(ioBoundWorkload(true, 8), 2)).not.toEqual(ioFacts(ioBoundWorkload(true, 7), 2));
  });

  it('computes its sentences from the numbers it is given', () => {
    const facts = { sumOfWaitsMs: 1000, longestTaskWaitMs: 100, perfectPoolMs: 520, threads: 2, threadsToMatchInterleaving: 11 };
    const notes = interpretIoBound([row('sequential', 1, 1020, 1020), row('interleaved', 1, 102, 1020), row('parallel', 2, 530, 1020)], facts, 12).join('\n');
    // Rows without their repeats: one median each, no interval and no test, and the sentences say so.
    expect(notes).toContain('sequential took 1.02x (no repeats kept: no interval, too few repeats for a verdict) the sum of all waits (1000 ms)');
    expect(notes).toContain("interleaved took 1.02x (no repeats kept: no interval, too few repeats for a verdict) the longest single task's waits (100 ms): all 12 tasks waited at once on one thread, 10.00x faster than sequential");
    expect(notes).toContain('parallel took 530 ms, 1.02x (no repeats kept: no interval, too few repeats for a verdict) the 520 ms of a perfect 2-thread pool, 1.92x faster than sequential');
    expect(notes).toContain('A pool would need 11 threads to match interleaving on these waits; here 2 worker threads (530 ms) against one interleaving thread (102 ms): 5.20x slower.');
    // With the rounds kept: the medians' intervals, and the paired verdict between the pool and the one thread.
    const rounds = (ms: number): { round: number; wallMs: number }[] => [0, 1, 2, 3, 4, 5, 6].map((d) => ({ round: d + 1, wallMs: ms + d }));
    const kept = interpretIoBound([row('sequential', 1, 1020, 1020), row('interleaved', 1, 102, 1020), row('parallel', 2, 530, 1020)].map((r) => ({ ...r, samples: rounds(r.medianMs - 3) })), facts, 12).join('\n');
    expect(kept).toContain('sequential took 1.02x [1.02-1.02] the sum of all waits (1000 ms)');
    expect(kept).toContain('here 2 worker threads (530 ms) against one interleaving thread (102 ms): 5.20x slower (p = 0.016).');
  });

  it('says which won when the pool is big enough, and puts a checksum mismatch first', () => {
    const facts = { sumOfWaitsMs: 1000, longestTaskWaitMs: 100, perfectPoolMs: 100, threads: 16, threadsToMatchInterleaving: 11 };
    const rows = [row('sequential', 1, 1000, 1000), row('interleaved', 1, 110, 1000), { ...row('parallel', 16, 105, 1000), checksumOk: false }];
    const notes = interpretIoBound(rows, facts, 12);
    expect(notes[0]).toMatch(/^CHECKSUMS DIFFER in wait-bound\/parallel/);
    expect(notes.join('\n')).toContain('here 16 worker threads (105 ms) against one interleaving thread (110 ms): 1.05x faster.');
  });
});
