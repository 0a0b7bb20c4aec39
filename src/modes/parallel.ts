import type { WorkloadSpec } from '../workload/spec.ts';
import { onPool, type LabPool, type PoolOptions } from './pool.ts';
import type { RunResult } from './run-result.ts';
import { runJobsOnPool } from './worker-run.ts';

export interface ParallelRunOptions extends PoolOptions {
  /** A started pool to reuse (warm); without one, the run starts and closes its own. */
  readonly pool?: LabPool;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/**
 * Every task on a Piscina worker thread, one task per worker at a time, each worker
 * running its task under its own scheduler: parallelism, up to the number of cores.
 */
export function runParallel(workload: WorkloadSpec, options: ParallelRunOptions = {}): Promise<RunResult> {
  return onPool(options.pool, options, (pool) =>
    runJobsOnPool(pool, workload, options, {
      mode: 'parallel',
      jobs: workload.tasks.map((t) => [t.name]),
      send: (tasks, signal) => pool.runTask({ kind: 'task', workload, task: tasks[0]! }, signal),
      checksumsOf: (reply) => [reply.checksum],
    }),
  );
}
