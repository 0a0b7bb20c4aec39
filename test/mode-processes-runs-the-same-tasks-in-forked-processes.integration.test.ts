import { processPoolResource, resourcesOf } from '../src/modes/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelTasks, LabPool, ProcessLostError, ProcessPool, RunFailedError, runMode, type RunResult } from '../src/modes/index.ts';
import { RunTimeoutError } from '../src/scheduler/index.ts';
import { cpuKernel } from '../src/workload/cpu-kernel.ts';
import { cpuBoundWorkload } from '../src/workload/presets.ts';
import type { PartSpec, WorkloadSpec } from '../src/workload/spec.ts';
import { mixedWorkload } from './fixtures/mixed-workload.ts';
import { exists, survivors } from './helpers/processes.ts';

function withFault(fault: PartSpec): WorkloadSpec {
  const healthy = (name: string): WorkloadSpec['tasks'][number] => ({ name, parts: [{ kind: 'cpu', units: 30, sliceUnits: 5 }, { kind: 'wait', ms: 2 }] });
  return { name: 'faulty', tasks: [healthy('ok1'), { name: 'bad', parts: [{ kind: 'cpu', units: 5 }, fault] }, healthy('ok2'), healthy('ok3')] };
}

let pool: ProcessPool;
let threads: LabPool;
beforeAll(async () => {
  [pool, threads] = await Promise.all([ProcessPool.start({ processes: 2, maxHeapMb: 64 }), LabPool.start({ threads: 2 })]);
});
afterAll(async () => {
  await Promise.all([pool.close(), threads.close()]);
});

describe('the processes mode', () => {
  it('gives every task the checksum its kernel work has by value, as every other mode does', async () => {
    const workload = cpuBoundWorkload({ tasks: 4, unitsPerTask: 300 });
    // Computed here without any mode or scheduler: the kernel over the task's units, seeded by its name.
    const byValue = kernelTasks(workload).map((t) => cpuKernel(t.units, t.seed));
    expect(new Set(byValue).size).toBe(4);
    for (const mode of ['sequential', 'interleaved', 'parallel', 'hybrid', 'piscina', 'processes'] as const) {
      const run = await runMode(mode, workload, { pool: threads, resources: resourcesOf([processPoolResource, pool]) });
      expect(run.tasks.map((t) => t.checksum), mode).toEqual(byValue);
    }
  });

  it('reports the same checksums as the one-thread modes for waits, blocking waits and delegation', async () => {
    const [sequential, processes] = [await runMode('sequential', mixedWorkload), await runMode('processes', mixedWorkload, { resources: resourcesOf([processPoolResource, pool]) })];
    expect(processes.tasks.map((t) => [t.name, t.checksum])).toEqual(sequential.tasks.map((t) => [t.name, t.checksum]));
  });

  it('runs on processes other than the lab, one lane each, with steps on the shared clock inside the run', async () => {
    const run: RunResult = await runMode('processes', cpuBoundWorkload({ tasks: 6, unitsPerTask: 400 }), { resources: resourcesOf([processPoolResource, pool]) });
    expect(run.mode).toBe('processes');
    expect(run.pool).toMatchObject({ threads: 2, warm: true });
    expect(pool.pids).not.toContain(process.pid);
    expect(new Set(pool.pids).size).toBe(2);
    expect(run.lanes).toEqual(['process 1', 'process 2']);
    expect(new Set(run.trace.map((e) => e.lane))).toEqual(new Set([0, 1]));
    // A process's own clock would put these anywhere; the shared clock puts them inside the run.
    for (const e of run.trace) {
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeGreaterThanOrEqual(e.start);
      expect(e.end).toBeLessThanOrEqual(run.wallMs);
    }
    expect(run.cpuMs).toBeGreaterThan(0);
  });

  it('records no steps when told not to, with the same checksums', async () => {
    const workload = cpuBoundWorkload({ tasks: 4, unitsPerTask: 100 });
    const [traced, untraced] = [await runMode('processes', workload, { resources: resourcesOf([processPoolResource, pool]) }), await runMode('processes', workload, { resources: resourcesOf([processPoolResource, pool]), steps: false })];
    expect(untraced.trace).toEqual([]);
    expect(untraced.tasks.map((t) => t.checksum)).toEqual(traced.tasks.map((t) => t.checksum));
  });
});

describe('faults in the processes mode', () => {
  it('a task that throws fails the run, naming the task and the part; the processes live on', async () => {
    const pids = pool.pids;
    const error = await runMode('processes', withFault({ kind: 'fault', fault: 'throw', message: 'disk full', label: 'save' }), { resources: resourcesOf([processPoolResource, pool]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as Error).message).toBe('processes run of workload "faulty" failed: task "bad" failed in part "save": disk full');
    expect(pool.pids).toEqual(pids);
  });

  it('the exit fault ends only its own process: the task is named, the other process lives on, the dead one is gone and replaced', async () => {
    const before = pool.pids;
    const error = await runMode('processes', withFault({ kind: 'fault', fault: 'exit' }), { resources: resourcesOf([processPoolResource, pool]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as RunFailedError).cause).toBeInstanceOf(ProcessLostError);
    expect((error as Error).message).toMatch(/^processes run of workload "faulty" failed: task "bad" ended its process: process \d+ exited with code 3; the pool's other processes live on$/);
    const dead = Number(/process (\d+) exited/.exec((error as Error).message)![1]);
    expect(before).toContain(dead);
    expect(await survivors([dead])).toEqual([]);
    expect(before.filter((p) => p !== dead).every(exists)).toBe(true);
    const next = await runMode('processes', mixedWorkload, { resources: resourcesOf([processPoolResource, pool]) });
    expect(next.pool).toMatchObject({ threads: 2, warm: true });
    expect(pool.pids).not.toContain(dead);
  });

  it('a task that never finishes: --timeout stops the run, names the task, and ends the process that ran it', async () => {
    const before = pool.pids;
    const error = await runMode('processes', withFault({ kind: 'fault', fault: 'hang' }), { resources: resourcesOf([processPoolResource, pool]), timeoutMs: 300 }).catch((e: unknown) => e);
    expect((error as RunFailedError).cause).toBeInstanceOf(RunTimeoutError);
    expect((error as Error).message).toBe('processes run of workload "faulty" failed: run exceeded its timeout of 300 ms; still running or queued: bad');
    expect(await survivors(before)).toEqual([]);
    expect((await runMode('processes', mixedWorkload, { resources: resourcesOf([processPoolResource, pool]) })).pool?.warm).toBe(true);
  });

  it('exceeding the heap limit ends that process only, with a clear error', async () => {
    const error = await runMode('processes', withFault({ kind: 'fault', fault: 'exhaust-memory' }), { resources: resourcesOf([processPoolResource, pool]) }).catch((e: unknown) => e);
    expect((error as RunFailedError).cause).toBeInstanceOf(ProcessLostError);
    expect((error as Error).message).toMatch(/task "bad" ended its process: process \d+ (was killed by SIGABRT|exited with code \d+)/);
    expect((await runMode('processes', mixedWorkload, { resources: resourcesOf([processPoolResource, pool]) })).tasks).toHaveLength(4);
  });

  it('a pool that is closed leaves no process behind, and a run on its own pool closes it too', async () => {
    const own = await ProcessPool.start({ processes: 2 });
    const pids = own.pids;
    expect(pids.every(exists)).toBe(true);
    await own.close();
    expect(await survivors(pids, 0)).toEqual([]);
    // Without a pool of processes, the run forks as many as the thread pool it is given has threads.
    const run = await runMode('processes', mixedWorkload, { pool: threads });
    expect(run.threads).toBe(threads.threads);
  });
});
