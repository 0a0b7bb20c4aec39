import { describe, expect, it } from 'vitest';
import type { ModeFigures } from '../../src/experiment/mode-rows.ts';
import { interpretMixed, mixed, mixedBounds, mixedWorkload, type MixedFacts } from './index.ts';
import type { ModeName } from '../../src/modes/index.ts';
import { expectNotesToSay } from '../../test/helpers/notes.ts';
import { runTinyIn } from '../../test/helpers/experiments.ts';

function row(mode: ModeName, threads: number, medianMs: number, baselineMs: number): ModeFigures {
  return { workload: 'cpu-and-wait', mode, threads, medianMs, minMs: medianMs, maxMs: medianMs, speedup: baselineMs / medianMs, checksumOk: true };
}

// Eight tasks waiting 30 ms each; sequential 480 ms, so 240 ms of CPU, 30 ms per task.
const facts: MixedFacts = { waitsMs: new Array<number>(8).fill(30), threads: 2, cores: 2 };

describe('mixed experiment', () => {
  it('runs all four modes on the same work, and each hybrid worker runs another task while one waits', async () => {
    const result = await runTinyIn(mixed, ['sequential', 'interleaved', 'parallel', 'hybrid']);
    // How much that saves is the experiment's own figure; what a test can prove on a busy machine is
    // the order of events: on each worker lane, a task that went to sleep was followed by another
    // task's step before its own next one.
    // Both kinds of work matter in this workload: neither is a sliver of the sequential run. Its CPU is
    // read as CPU time: the experiment's cpuShare is wall time less the waits, which another program's
    // use of the core inflates (0.87 once, with the suite's other files holding both cores).
    const sequentialCpuMs = result.runs!.find((r) => r.run.mode === 'sequential')!.run.cpuMs!;
    const cpuShare = sequentialCpuMs / (sequentialCpuMs + result.facts.sumOfWaitsMs);
    expect(cpuShare).toBeGreaterThan(0.15);
    expect(cpuShare).toBeLessThan(0.85);
    expect(result.facts.cpuShare).toBeGreaterThan(0);
    expect(result.notes.join('\n')).not.toContain('CHECKSUMS DIFFER');
    // The hybrid run is drawn: two worker lanes, several tasks on each.
    const hybridRun = result.runs!.find((r) => r.run.mode === 'hybrid')!.run;
    expect(hybridRun.lanes).toHaveLength(2);
    for (const lane of [0, 1]) {
      const steps = hybridRun.trace.filter((e) => e.lane === lane).sort((a, b) => a.start - b.start);
      expect(new Set(steps.map((e) => e.task)).size).toBeGreaterThan(1);
      const overlapped = steps.some((step, i) => {
        if (step.endedBy !== 'sleep' && step.endedBy !== 'wait') return false;
        const next = steps.slice(i + 1);
        const resumed = next.findIndex((e) => e.task === step.task);
        return next.slice(0, resumed === -1 ? next.length : resumed).some((e) => e.task !== step.task);
      });
      expect(overlapped, `lane ${lane}: no task ran while another waited`).toBe(true);
    }
  });

  it('gives each hybrid worker several tasks to interleave', () => {
    expect(mixedWorkload(true, 2).tasks).toHaveLength(8);
    expect(mixedWorkload(false, 4).tasks).toHaveLength(16);
  });

  it('bounds each mode from the sequential time, computed by hand', () => {
    expect(mixedBounds(480, facts)).toEqual({
      sumOfWaitsMs: 240,
      cpuMs: 240,
      cpuShare: 0.5,
      longestTaskMs: 60, // 30 ms of waits + 240/8 of CPU
      interleavedMs: 240, // all CPU on one thread
      parallelMs: 240, // 8 tasks of 60 ms on 2 threads
      hybridMs: 120, // 240 ms of CPU over 2 cores
    });
  });

  it('computes its sentences from the numbers it is given', () => {
    const rows = [row('sequential', 1, 480, 480), row('interleaved', 1, 250, 480), row('parallel', 2, 260, 480), row('hybrid', 2, 125, 480)];
    const notes = interpretMixed(rows, facts).join('\n');
    expectNotesToSay(notes, [
      'CPU work was 50% of the sequential time (240 ms: sequential minus its 240 ms of waits)',
      'hybrid took 125 ms: 2.00x faster than interleaved (250 ms), 2.08x faster than parallel (260 ms) and 3.84x faster than sequential.',
      'ran all 240 ms of CPU on one thread (it took 1.04x (no repeats kept: no interval, too few repeats for a verdict) its bound of 240 ms)',
      '(1.08x (no repeats kept: no interval, too few repeats for a verdict) its bound of 240 ms)',
      'Each hybrid worker interleaved 4 tasks, so waits and CPU overlapped at once (1.04x (no repeats kept: no interval, too few repeats for a verdict) its bound of 120 ms).',
    ]);
  });

  it('says when hybrid lost, and puts a checksum mismatch first', () => {
    const rows = [row('sequential', 1, 480, 480), row('interleaved', 1, 200, 480), row('parallel', 2, 260, 480), { ...row('hybrid', 2, 250, 480), checksumOk: false }];
    const notes = interpretMixed(rows, facts);
    expect(notes[0]).toMatch(/^CHECKSUMS DIFFER in cpu-and-wait\/hybrid/);
    expect(notes.join('\n')).toContain('hybrid took 250 ms: 1.25x slower than interleaved (200 ms), 1.04x faster than parallel (260 ms)');
  });
});
