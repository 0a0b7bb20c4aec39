import { sharedNow } from '../scheduler/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { RunFailedError } from './errors.ts';
import { onPool, type LabPool, type PoolOptions } from './pool.ts';
import type { RunResult } from './run-result.ts';
import { SignalFanOut } from './signal-fan-out.ts';
import { explainWorkerFailure } from './worker-lost.ts';
import { taskSpans } from './trace-events.ts';
import { mergeWorkerTraces } from './worker-lanes.ts';
import type { TaskReply } from './worker-protocol.ts';
import { describeStop, workerRunSignal } from './worker-run-signal.ts';

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
  return onPool(options.pool, options, (pool) => runOnPool(pool, workload, options));
}

async function runOnPool(pool: LabPool, workload: WorkloadSpec, options: ParallelRunOptions): Promise<RunResult> {
  await pool.ensureWarm();
  const stop = new AbortController();
  const signal = workerRunSignal(stop.signal, options);
  const fanOut = new SignalFanOut(signal);
  const running = new Set(workload.tasks.map((t) => t.name));
  const origin = sharedNow();
  let replies: TaskReply[];
  try {
    replies = await Promise.all(
      workload.tasks.map(async (t) => {
        const reply = await fanOut
          .with((own) => pool.runTask({ kind: 'task', workload, task: t.name }, own))
          .catch((error: unknown) => Promise.reject(explainWorkerFailure([t.name], error)));
        running.delete(t.name);
        return reply;
      }),
    );
  } catch (error) {
    stop.abort(error);
    throw new RunFailedError('parallel', workload.name, describeStop(error, signal, options.timeoutMs, running));
  }
  const wallMs = sharedNow() - origin;
  const { trace, lanes } = mergeWorkerTraces(replies, origin);
  const checksums = new Map(workload.tasks.map((t, i) => [t.name, replies[i]!.checksum]));
  return {
    mode: 'parallel',
    workload: workload.name,
    threads: pool.threads,
    wallMs,
    tasks: taskSpans(trace, checksums),
    trace,
    lanes,
    pool: pool.info,
  };
}
