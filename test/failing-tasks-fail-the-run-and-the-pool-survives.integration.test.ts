import { describe, expect, it } from 'vitest';
import { modeNames, RunFailedError, runMode, WorkerLostError } from '../src/modes/index.ts';
import { RunTimeoutError } from '../src/scheduler/index.ts';
import type { PartSpec, WorkloadSpec } from '../src/workload/spec.ts';
import { mixedWorkload } from './fixtures/mixed-workload.ts';
import { warmPoolForTests } from './helpers/pool.ts';

/** Three healthy tasks and one that meets the given fault in its second part. */
function withFault(fault: PartSpec): WorkloadSpec {
  const healthy = (name: string): WorkloadSpec['tasks'][number] => ({ name, parts: [{ kind: 'cpu', units: 30, sliceUnits: 5 }, { kind: 'wait', ms: 2 }] });
  return {
    name: 'faulty',
    tasks: [healthy('ok1'), { name: 'bad', parts: [{ kind: 'cpu', units: 5 }, fault] }, healthy('ok2'), healthy('ok3')],
  };
}

const warm = warmPoolForTests({ threads: 2, maxHeapMb: 64 });

async function failure(mode: (typeof modeNames)[number], workload: WorkloadSpec, timeoutMs?: number): Promise<RunFailedError> {
  const error = await runMode(mode, workload, { pool: warm.pool, ...(timeoutMs !== undefined && { timeoutMs }) }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RunFailedError);
  return error as RunFailedError;
}

describe('a task that throws', () => {
  for (const mode of modeNames) {
    it(`fails the ${mode} run, naming the task and the part`, async () => {
      const error = await failure(mode, withFault({ kind: 'fault', fault: 'throw', message: 'disk full', label: 'save' }));
      expect(error.message).toBe(`${mode} run of workload "faulty" failed: task "bad" failed in part "save": disk full`);
    });
  }

  it('leaves the pool working: the next runs in the same process succeed, on a warm pool', async () => {
    for (const mode of ['parallel', 'hybrid'] as const) {
      const result = await runMode(mode, mixedWorkload, { pool: warm.pool });
      expect(result.tasks).toHaveLength(mixedWorkload.tasks.length);
      expect(result.pool?.warm).toBe(true);
    }
  });
});

describe('a task that ends its worker thread', () => {
  it('process.exit in a worker: a clear error naming the task, and the pool is replaced and re-warmed', async () => {
    const error = await failure('parallel', withFault({ kind: 'fault', fault: 'exit' }));
    expect(error.cause).toBeInstanceOf(WorkerLostError);
    expect(error.message).toBe('parallel run of workload "faulty" failed: task "bad" ended its worker thread: worker exited with code: 3 (process.exit in a worker ends that thread)');
    const next = await runMode('parallel', mixedWorkload, { pool: warm.pool });
    expect(next.pool).toMatchObject({ threads: 2, warm: true });
    expect(new Set(next.trace.map((e) => e.lane)).size).toBe(2);
  });

  it("exceeding the worker's memory limit: a clear error naming the task(s), no hang, the pool works after", async () => {
    const error = await failure('hybrid', withFault({ kind: 'fault', fault: 'exhaust-memory' }));
    expect(error.cause).toBeInstanceOf(WorkerLostError);
    // Dealt over 2 workers: ok1 and ok2 to one, bad and ok3 to the other.
    expect(error.message).toMatch(/^hybrid run of workload "faulty" failed: one of the tasks "bad", "ok3" ended its worker thread: it exceeded the worker's memory limit \(/);
    expect((error.cause as WorkerLostError).tasks).toContain('bad');
    expect((await runMode('hybrid', mixedWorkload, { pool: warm.pool })).pool?.warm).toBe(true);
  });

  it("is refused on the lab's own thread, where it would end the lab", async () => {
    const error = await failure('interleaved', withFault({ kind: 'fault', fault: 'exit' }));
    expect(error.message).toContain('fault "exit" would end the lab\'s own thread; it is carried out only on worker threads');
  });
});

describe('a task that never finishes', () => {
  const expected = {
    sequential: 'still running: bad; not started: ok2, ok3',
    interleaved: 'still running: bad',
    parallel: 'still running or queued: bad',
    hybrid: 'still running or queued: bad, ok3',
    processes: 'still running or queued: bad',
  } as const;
  for (const mode of modeNames) {
    it(`--timeout aborts the ${mode} run and names the tasks still running`, async () => {
      const error = await failure(mode, withFault({ kind: 'fault', fault: 'hang' }), 300);
      expect(error.cause).toBeInstanceOf(RunTimeoutError);
      expect(error.message).toBe(`${mode} run of workload "faulty" failed: run exceeded its timeout of 300 ms; ${expected[mode]}`);
    });
  }
});
