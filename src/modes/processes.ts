import { usableCores } from '../runtime/cores.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { defineMode, type ModeRunOptions } from './mode.ts';
import { resourceOf } from './resource.ts';
import { processPoolResource } from './resource-kinds.ts';
import { ProcessPool } from '../runtime/process-pool.ts';
import type { ProcessTaskReply } from '../runtime/process-protocol.ts';
import type { RunResult } from '../runtime/run-result.ts';
import { runJobsOnPool } from './worker-run.ts';

let lastRunId = 0;

/**
 * Every task in a warm forked Node process, one task per process at a time, each process
 * rebuilding its task from the run's spec and running it under its own scheduler, exactly as
 * the `parallel` mode's worker threads do: the same work behind a process boundary instead of
 * a thread boundary. The workload goes to each process once per run; each reply carries the
 * task's checksum, its steps on the shared clock, the process's GC pauses and its CPU time.
 */
export function runProcesses(workload: WorkloadSpec, options: ModeRunOptions = {}): Promise<RunResult<'processes'>> {
  // Without a started pool, as many processes as the thread pool has threads (or the cores): the same count, for comparison.
  return onProcessPool(resourceOf(options.resources, processPoolResource), options.pool?.threads ?? usableCores(), async (pool) => {
    const run = ++lastRunId;
    const steps = options.steps !== false;
    let processCpuMs = 0;
    const result = await runJobsOnPool<ProcessTaskReply, 'processes'>(pool, workload, options, {
      mode: 'processes',
      jobs: workload.tasks.map((t) => [t.name]),
      send: (_tasks, task) =>
        pool.runTask({ run, workload, task, steps }).then((reply) => {
          processCpuMs += reply.cpuMs;
          return reply;
        }),
      checksumsOf: (reply) => [reply.checksum],
      gcOf: (reply) => ({ threadId: reply.pid, ...(reply.gc !== undefined && { gc: reply.gc }) }),
      lanes: (replies) => replies.flatMap((r) => (r.trace === undefined ? [] : [{ threadId: r.pid, trace: r.trace }])),
    });
    // The lab's own CPU (sending, assembling) plus what each process reported for its tasks.
    return { ...result, cpuMs: (result.cpuMs ?? 0) + processCpuMs, lanes: result.lanes.map((_, i) => `process ${i + 1}`) };
  });
}

export const processesMode = defineMode({
  name: 'processes',
  needs: processPoolResource,
  summary: 'forked Node processes, one task per process at a time: what isolation costs against threads',
  run: runProcesses,
});

/** Runs `use` on the given process pool, or on one of `processes` of its own that is started (warm) and ended around it. */
async function onProcessPool<T>(given: ProcessPool | undefined, processes: number, use: (pool: ProcessPool) => Promise<T>): Promise<T> {
  const pool = given ?? (await ProcessPool.start({ processes }));
  try {
    return await use(pool);
  } finally {
    if (given === undefined) await pool.close();
  }
}
