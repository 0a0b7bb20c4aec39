import { threadPoolResource } from './resource-kinds.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { defineMode, type ModeRunOptions } from './mode.ts';
import { onPool } from '../runtime/pool.ts';
import type { RunResult } from '../runtime/run-result.ts';
import { runJobsOnPool } from './worker-run.ts';
import { workloadSlice } from '../runtime/workload-slice.ts';

/**
 * Shares task names out over `workers` batches in turn, like dealing cards: task i goes to
 * batch i mod workers. A static share, fixed before the run: unlike the parallel mode's
 * queue, a worker that finishes early does not take over another worker's tasks.
 */
export function dealTasks(names: readonly string[], workers: number): string[][] {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a positive integer, got ${workers}`);
  const batches = Array.from({ length: Math.min(workers, names.length) }, (): string[] => []);
  names.forEach((name, i) => batches[i % batches.length]!.push(name));
  return batches;
}

/**
 * Concurrency inside parallelism, as real servers run: the tasks are shared out over the
 * pool's workers (one message per worker per run), and each worker interleaves its share
 * round-robin under its own scheduler. CPU work overlaps across workers, waits overlap
 * within each worker.
 */
export function runHybrid(workload: WorkloadSpec, options: ModeRunOptions = {}): Promise<RunResult<'hybrid'>> {
  return onPool(options.pool, async (pool) => {
    const result = await runJobsOnPool(pool, workload, options, {
      mode: 'hybrid',
      jobs: dealTasks(
        workload.tasks.map((t) => t.name),
        pool.threads,
      ),
      // Each message carries only the specs its tasks need, not the whole workload.
      send: (tasks) => pool.send({ kind: 'batch', workload: workloadSlice(workload, tasks), tasks, steps: options.steps !== false }),
      checksumsOf: (reply) => reply.checksums,
      gcOf: (reply) => reply,
      lanes: (replies) => replies.flatMap((r) => (r.trace === undefined ? [] : [{ threadId: r.threadId, trace: r.trace }])),
    });
    return { ...result, policy: 'round-robin' };
  });
}

export const hybridMode = defineMode({
  name: 'hybrid',
  needs: threadPoolResource,
  summary: 'worker threads, each interleaving its share of the tasks: both at once, as real servers run',
  run: runHybrid,
});
