import { sharedNow } from '../scheduler/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { RunFailedError } from './errors.ts';
import type { ParallelRunOptions } from './parallel.ts';
import { onPool, type LabPool } from './pool.ts';
import type { RunResult } from './run-result.ts';
import { taskSpans } from './trace-events.ts';
import { mergeWorkerTraces } from './worker-lanes.ts';
import type { BatchReply } from './worker-protocol.ts';
import { explainWorkerFailure } from './worker-lost.ts';
import { describeStop, workerRunSignal } from './worker-run-signal.ts';

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
export function runHybrid(workload: WorkloadSpec, options: ParallelRunOptions = {}): Promise<RunResult> {
  return onPool(options.pool, options, (pool) => runBatchesOnPool(pool, workload, options));
}

async function runBatchesOnPool(pool: LabPool, workload: WorkloadSpec, options: ParallelRunOptions): Promise<RunResult> {
  await pool.ensureWarm();
  const batches = dealTasks(
    workload.tasks.map((t) => t.name),
    pool.threads,
  );
  const stop = new AbortController();
  const signal = workerRunSignal(stop.signal, options);
  const running = new Set(workload.tasks.map((t) => t.name));
  const origin = sharedNow();
  let replies: BatchReply[];
  try {
    replies = await Promise.all(
      batches.map(async (tasks) => {
        const reply = await pool.runBatch({ kind: 'batch', workload, tasks }, signal).catch((error: unknown) => Promise.reject(explainWorkerFailure(tasks, error)));
        for (const task of tasks) running.delete(task);
        return reply;
      }),
    );
  } catch (error) {
    stop.abort(error);
    throw new RunFailedError('hybrid', workload.name, describeStop(error, signal, options.timeoutMs, running));
  }
  const wallMs = sharedNow() - origin;
  const { trace, lanes } = mergeWorkerTraces(replies, origin);
  const checksumOf = new Map(batches.flatMap((tasks, b) => tasks.map((task, i): [string, number] => [task, replies[b]!.checksums[i]!])));
  const checksums = new Map(workload.tasks.map((t) => [t.name, checksumOf.get(t.name)!]));
  return {
    mode: 'hybrid',
    workload: workload.name,
    threads: pool.threads,
    wallMs,
    tasks: taskSpans(trace, checksums),
    trace,
    lanes,
    policy: 'round-robin',
    pool: pool.info,
  };
}
