import { describe, expect, it } from 'vitest';
import { dealTasks, RunFailedError, runHybrid, runMode, runParallel, withStartedPool, type RunResult } from '../src/modes/index.ts';
import { RunTimeoutError } from '../src/scheduler/index.ts';
import { cpuBoundWorkload } from '../src/workload/presets.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';
import { mixedWorkload } from './fixtures/mixed-workload.ts';
import { warmPoolForTests } from './helpers/pool.ts';
import { mostWaitsAtOnce, timerWaits } from './helpers/trace-waits.ts';

/** The tasks of one lane, in the order their steps ran. */
const laneOrder = (result: RunResult, lane: number): string[] => result.trace.filter((e) => e.lane === lane).map((e) => e.task);

describe('hybrid mode', () => {
  const warm = warmPoolForTests();

  it('deals tasks over the workers in turn, never more batches than tasks', () => {
    expect(dealTasks(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([['a', 'c', 'e'], ['b', 'd']]);
    expect(dealTasks(['a'], 4)).toEqual([['a']]);
    expect(() => dealTasks(['a'], 0)).toThrow(/workers must be a positive integer/);
  });

  it('reports the same per-task checksums as sequential, interleaved and parallel', async () => {
    const checksums = async (mode: 'sequential' | 'interleaved' | 'parallel' | 'hybrid'): Promise<[string, number][]> =>
      (await runMode(mode, mixedWorkload, { pool: warm.pool })).tasks.map((t) => [t.name, t.checksum]);
    const hybrid = await checksums('hybrid');
    expect(hybrid).toHaveLength(mixedWorkload.tasks.length);
    for (const mode of ['sequential', 'interleaved', 'parallel'] as const) expect(hybrid).toEqual(await checksums(mode));
  });

  it('interleaves its share of tasks inside each worker lane, and spreads the shares over both lanes', async () => {
    // Four tasks of five slices each: worker lanes get {cpu1, cpu3} and {cpu2, cpu4}.
    const result = await runHybrid(cpuBoundWorkload({ tasks: 4, unitsPerTask: 20, sliceUnits: 4 }), { pool: warm.pool });
    expect(result).toMatchObject({ mode: 'hybrid', threads: 2, lanes: ['worker 1', 'worker 2'], policy: 'round-robin', pool: { warm: true } });
    expect(new Set(result.trace.map((e) => e.lane))).toEqual(new Set([0, 1]));
    for (const lane of [0, 1]) {
      const order = laneOrder(result, lane);
      const [first, second] = [order[0]!, order[1]!];
      expect(first).not.toBe(second);
      // Round-robin inside the worker: its two tasks take turns at every yield, a b a b ... (6 steps each).
      expect(order).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? first : second)));
    }
    for (const task of result.tasks) expect(new Set(result.trace.filter((e) => e.task === task.name).map((e) => e.lane)).size).toBe(1);
  });

  it('differs from parallel, where a worker runs each task to its end before the next', async () => {
    const result = await runParallel(cpuBoundWorkload({ tasks: 4, unitsPerTask: 20, sliceUnits: 4 }), { pool: warm.pool });
    for (const lane of [0, 1]) {
      const order = laneOrder(result, lane);
      const switches = order.filter((task, i) => i > 0 && task !== order[i - 1]).length;
      expect(switches).toBeLessThanOrEqual(order.length / 6 - 1);
    }
  });

  it('puts every step of every lane on the shared clock, inside the run', async () => {
    const result = await runHybrid(mixedWorkload, { pool: warm.pool });
    for (const e of result.trace) {
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeGreaterThanOrEqual(e.start);
      expect(e.end).toBeLessThanOrEqual(result.wallMs);
    }
  });

  it("overlaps the waits of a worker's tasks, where parallel waits them out one by one", async () => {
    const waits: WorkloadSpec = { name: 'waits', tasks: Array.from({ length: 6 }, (_, i) => ({ name: `w${i}`, parts: [{ kind: 'wait', ms: 60 }] })) };
    const hybrid = await runHybrid(waits, { pool: warm.pool });
    const parallel = await runParallel(waits, { pool: warm.pool });
    // Six 60 ms waits on two workers: on each worker's lane, hybrid has several under way at once, parallel
    // one at a time. (What that saves, about 180 against 60 ms, is a wall-time ratio: on a busy machine
    // the order of events is what a test can prove.)
    const mostOnALane = (trace: typeof hybrid.trace): number[] =>
      [...new Set(trace.map((e) => e.lane))].map((lane) => mostWaitsAtOnce(timerWaits(trace.filter((e) => e.lane === lane))));
    const [hybridLanes, parallelLanes] = [mostOnALane(hybrid.trace), mostOnALane(parallel.trace)];
    expect(hybridLanes.length).toBe(2);
    expect(Math.max(...hybridLanes)).toBeGreaterThan(1);
    expect(parallelLanes.length).toBe(2);
    expect(parallelLanes).toEqual([1, 1]);
  });

  it('fails with a RunTimeoutError naming the unfinished tasks when the time bound runs out', async () => {
    const slow: WorkloadSpec = { name: 'slow', tasks: [{ name: 'sleeper', parts: [{ kind: 'wait', ms: 10_000 }] }, { name: 'quick', parts: [{ kind: 'cpu', units: 1 }] }] };
    const error = await withStartedPool({ threads: 1 }, (onePool) => runHybrid(slow, { pool: onePool, timeoutMs: 200 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as RunFailedError).cause).toBeInstanceOf(RunTimeoutError);
    expect((error as RunFailedError).message).toMatch(/hybrid run of workload "slow"/);
    expect((error as RunFailedError).message).toContain('sleeper');
  });
});
