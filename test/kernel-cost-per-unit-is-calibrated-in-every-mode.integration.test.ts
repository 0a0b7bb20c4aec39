import { queueResource } from '../src/modes/index.ts';
import { describe, expect, it } from 'vitest';
import { allModeNames, modeOf, runMode } from '../src/modes/index.ts';
import { baselineVsWorker } from '../src/report/cpu-cost.ts';
import { cpuBoundWorkload } from '../src/workload/presets.ts';
import { warmPoolForTests } from './helpers/pool.ts';

const workload = cpuBoundWorkload({ tasks: 4, unitsPerTask: 40 });

describe('kernel cost per unit', () => {
  const warm = warmPoolForTests();

  for (const steps of [true, false]) {
    it(`is timed in place in every mode, from timed units (steps ${steps ? 'recorded' : 'off'})`, async () => {
      const figures = new Map<string, number>();
      // Not the distributed mode: its workers may be on other machines, and it needs a Redis; it reports no in-place kernel time.
      // The least of three runs of each: a run times one block of about 2 ms, and another program's
      // time only adds to it (one read 41x a worker's with the suite's other files on both cores).
      for (const mode of allModeNames.filter((m) => modeOf(m).needs !== queueResource)) {
        for (let run = 0; run < 3; run++) {
          const usPerUnit = (await runMode(mode, workload, { pool: warm.pool, steps })).kernelUsPerUnit!;
          figures.set(mode, Math.min(usPerUnit, figures.get(mode) ?? Number.POSITIVE_INFINITY));
        }
      }
      const values = [...figures.values()];
      for (const v of values) expect(v).toBeGreaterThan(0);
      // The same kernel everywhere: no thread may be 10x off another.
      expect(Math.max(...values) / Math.min(...values)).toBeLessThan(10);
    });
  }

  it('times a lone worker beside the one-thread modes when they are given a pool', async () => {
    const run = await runMode('sequential', workload, { pool: warm.pool });
    expect(run.loneWorkerUsPerUnit).toBeGreaterThan(0);
    expect(run.kernelUsPerUnit! / run.loneWorkerUsPerUnit!).toBeGreaterThan(0.1);
    expect(run.kernelUsPerUnit! / run.loneWorkerUsPerUnit!).toBeLessThan(10);
    expect((await runMode('sequential', workload)).loneWorkerUsPerUnit).toBeUndefined();
  });

  it('compares the baseline with the lone worker as the median ratio of the sequential rows', () => {
    const row = (mode: 'sequential' | 'parallel', kernel: number, lone?: number) => ({ mode, kernelUsPerUnit: kernel, ...(lone !== undefined && { loneWorkerUsPerUnit: lone }) });
    expect(baselineVsWorker([row('sequential', 11, 10), row('parallel', 50), row('sequential', 12, 10), row('sequential', 30, 10)])).toBeCloseTo(1.2, 12);
    expect(baselineVsWorker([row('parallel', 5)])).toBeNaN();
  });
});
