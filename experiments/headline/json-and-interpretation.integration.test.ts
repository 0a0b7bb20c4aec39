import { describe, expect, it } from 'vitest';
import { interpretHeadline, headlineWorkloads } from './index.ts';
import { waitFigures } from '../../src/experiment/wait-figures.ts';
import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import type { ModeName } from '../../src/modes/index.ts';
import { fixedStats } from '../../test/helpers/fixed-stats.ts';
import { lab } from '../../test/helpers/lab-in-process.ts';
import { expectNotesToSay } from '../../test/helpers/notes.ts';

function row(workload: string, mode: ModeName, threads: number, medianMs: number, baselineMs: number): ModeComparison {
  const speedup = baselineMs / medianMs;
  return {
    workload, mode, threads, repeats: 3, medianMs, meanMs: medianMs, minMs: medianMs, maxMs: medianMs, sdMs: 0,
    rsd: 0, noisy: false, speedup, ...fixedStats(medianMs, speedup), efficiency: speedup / threads, checksumOk: true, checksum: 1,
    baseline: 'sequential',
  };
}

describe('headline experiment', () => {
  it('prints one JSON document with a row per workload and mode, checksums identical', async () => {
    const { code, stdout, stderr } = await lab('--quick', '--json', '--repeats', '1', '--warmups', '0', '--no-save');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { experiment: string; machine: { logicalCores: number }; rows: Record<string, unknown>[]; notes: string[] };
    expect(doc.experiment).toBe('headline');
    expect(doc.machine.logicalCores).toBeGreaterThan(0);
    expect(doc.rows.map((r) => `${r.workload}/${r.mode}`)).toEqual([
      'cpu-bound/sequential', 'cpu-bound/interleaved', 'cpu-bound/parallel', 'cpu-bound/piscina',
      'wait-bound/sequential', 'wait-bound/interleaved', 'wait-bound/parallel',
    ]);
    for (const r of doc.rows) {
      expect(r).toMatchObject({ checksumOk: true });
      expect(typeof r.medianMs).toBe('number');
      expect(typeof r.speedup).toBe('number');
      expect(typeof r.threads).toBe('number');
    }
    expect(doc.notes.length).toBeGreaterThanOrEqual(3);
  });

  it('computes its sentences from the numbers it is given', () => {
    const facts = { sumOfWaitsMs: 1000, longestTaskWaitMs: 200, perfectPoolMs: 520 };
    const cpu = [row('cpu-bound', 'sequential', 1, 800, 800), row('cpu-bound', 'interleaved', 1, 808, 800), row('cpu-bound', 'parallel', 2, 421, 800)];
    const wait = [row('wait-bound', 'sequential', 1, 1010, 1010), row('wait-bound', 'interleaved', 1, 212, 1010), row('wait-bound', 'parallel', 2, 530, 1010)];
    const notes = interpretHeadline(cpu, wait, facts, 2).join('\n');
    expectNotesToSay(notes, [
      // Three repeats each: every comparison says it has too few for a verdict, every ratio to a reference gives its interval.
      'cpu-bound, interleaved against sequential: 0.99x the speed, too few repeats for a verdict (n = 3)',
      'Parallel on 2 worker threads was 1.90x the speed of sequential, too few repeats for a verdict (n = 3), 95% of the ideal 2.00x for 2 threads on 2 cores',
      'sequential took 1.01x [1.01-1.01] (75% interval of 3 repeats) the sum of all waits (1000 ms)',
      "interleaved took 1.06x [1.06-1.06] (75% interval of 3 repeats) the longest single task's waits (200 ms)",
      'parallel took 530 ms against 520 ms for a perfect 2-thread pool',
      'interleaving ran at 4.76x the sequential speed and parallel at 1.91x; interleaving against parallel: 2.50x the speed, too few repeats for a verdict (n = 3).',
    ]);
    expect(notes).not.toContain('CHECKSUMS DIFFER');
  });

  it('says so first when a mode reported different checksums', () => {
    const facts = { sumOfWaitsMs: 1000, longestTaskWaitMs: 200, perfectPoolMs: 520 };
    const cpu = [row('cpu-bound', 'sequential', 1, 800, 800), row('cpu-bound', 'interleaved', 1, 800, 800), { ...row('cpu-bound', 'parallel', 2, 400, 800), checksumOk: false }];
    const wait = [row('wait-bound', 'sequential', 1, 1000, 1000), row('wait-bound', 'interleaved', 1, 200, 1000), row('wait-bound', 'parallel', 2, 520, 1000)];
    expect(interpretHeadline(cpu, wait, facts, 2)[0]).toBe('CHECKSUMS DIFFER in cpu-bound/parallel: these rows did different work, and their times mean nothing.');
  });

  it('derives its wait facts from the seeded workload, the same for the same seed', () => {
    const a = waitFigures(headlineWorkloads(true, 7).wait, 2);
    const b = waitFigures(headlineWorkloads(true, 7).wait, 2);
    const c = waitFigures(headlineWorkloads(true, 8).wait, 2);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    expect(a.longestTaskWaitMs).toBeLessThanOrEqual(a.perfectPoolMs);
    expect(a.perfectPoolMs).toBeLessThanOrEqual(a.sumOfWaitsMs);
  });
});
