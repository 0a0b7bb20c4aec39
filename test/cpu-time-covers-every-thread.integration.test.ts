import { describe, expect, it } from 'vitest';
import { runMode } from '../src/modes/index.ts';
import { threadCpuMs } from '../src/runtime/thread-cpu.ts';
import { cpuBoundWorkload } from '../src/workload/presets.ts';
import { warmPoolForTests } from './helpers/pool.ts';

const workload = cpuBoundWorkload({ tasks: 4, unitsPerTask: 1500 });
const linux = threadCpuMs() !== undefined;

describe('cpuMs', () => {
  const warm = warmPoolForTests();

  it('is measured in every mode', async () => {
    for (const mode of ['sequential', 'interleaved', 'parallel', 'hybrid', 'piscina'] as const) {
      const run = await runMode(mode, workload, { pool: warm.pool });
      expect(run.cpuMs).toBeGreaterThan(0);
    }
  });

  it.runIf(linux)('matches the main thread\'s own CPU clock on a one-thread run (/proc/thread-self/schedstat)', async () => {
    const before = threadCpuMs()!;
    const run = await runMode('sequential', workload);
    const mainMs = threadCpuMs()! - before;
    // The process figure covers the main thread's share; runtime helper threads may add a little.
    expect(mainMs).toBeGreaterThan(run.cpuMs! * 0.5);
    expect(mainMs).toBeLessThan(run.cpuMs! * 1.5 + 5);
  });

  it.runIf(linux)('covers the worker threads: their own CPU clocks add up to most of a parallel run\'s cpuMs', async () => {
    const cpuOf = async (): Promise<Map<number, number>> => new Map((await warm.pool.rendezvous(2, 10_000)).map((r) => [r.threadId, r.threadCpuMs!]));
    const before = await cpuOf();
    const run = await runMode('parallel', workload, { pool: warm.pool });
    const after = await cpuOf();
    let workersMs = 0;
    for (const [threadId, ms] of after) workersMs += ms - (before.get(threadId) ?? ms);
    expect(after.size).toBe(2);
    expect(workersMs).toBeGreaterThan(run.cpuMs! * 0.5);
    expect(workersMs).toBeLessThan(run.cpuMs! * 1.5 + 5);
  });

  // 'puts cpuMs and cpuPerUnitUs on the cpu-bound rows, and says what the speedup cost in CPU' is in
  // experiment-cpu-bound.integration.test.ts, under the same describe: it reads the cpu-bound run made there.
});
