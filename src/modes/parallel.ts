import { RunTimeoutError } from '../scheduler/index.ts';
import { sharedNow } from '../scheduler/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { RunFailedError } from './errors.ts';
import { LabPool, type PoolOptions } from './pool.ts';
import type { RunResult, TraceEvent } from './run-result.ts';
import { taskSpans, traceEvents } from './trace-events.ts';
import type { TaskReply } from './worker-protocol.ts';

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
export async function runParallel(workload: WorkloadSpec, options: ParallelRunOptions = {}): Promise<RunResult> {
  const pool = options.pool ?? (await LabPool.start(options));
  try {
    return await runOnPool(pool, workload, options);
  } finally {
    if (options.pool === undefined) await pool.close();
  }
}

async function runOnPool(pool: LabPool, workload: WorkloadSpec, options: ParallelRunOptions): Promise<RunResult> {
  const stop = new AbortController();
  const signals = [stop.signal];
  if (options.signal !== undefined) signals.push(options.signal);
  if (options.timeoutMs !== undefined) signals.push(AbortSignal.timeout(options.timeoutMs));
  const signal = AbortSignal.any(signals);
  const running = new Set(workload.tasks.map((t) => t.name));
  const origin = sharedNow();
  let replies: TaskReply[];
  try {
    replies = await Promise.all(
      workload.tasks.map(async (t) => {
        const reply = await pool.runTask({ kind: 'task', workload, task: t.name }, signal);
        running.delete(t.name);
        return reply;
      }),
    );
  } catch (error) {
    stop.abort(error);
    throw new RunFailedError('parallel', workload.name, describeStop(error, signal, options.timeoutMs, running));
  }
  const wallMs = sharedNow() - origin;
  const laneOf = lanesByFirstStart(replies);
  const trace: TraceEvent[] = replies
    .flatMap((reply) => traceEvents(reply.trace, laneOf.get(reply.threadId)!, origin))
    .sort((a, b) => a.start - b.start);
  const checksums = new Map(workload.tasks.map((t, i) => [t.name, replies[i]!.checksum]));
  return {
    mode: 'parallel',
    workload: workload.name,
    threads: pool.threads,
    wallMs,
    tasks: taskSpans(trace, checksums),
    trace,
    lanes: [...laneOf.keys()].map((_, i) => `worker ${i + 1}`),
    pool: pool.info,
  };
}

/** Workers get lanes 0, 1, ... in the order they first started a task. */
function lanesByFirstStart(replies: readonly TaskReply[]): Map<number, number> {
  const firstStart = new Map<number, number>();
  for (const reply of replies) {
    const start = reply.trace.count > 0 ? reply.trace.start[0]! : Number.POSITIVE_INFINITY;
    firstStart.set(reply.threadId, Math.min(firstStart.get(reply.threadId) ?? start, start));
  }
  return new Map([...firstStart].sort((a, b) => a[1] - b[1]).map(([threadId], lane) => [threadId, lane]));
}

function describeStop(error: unknown, signal: AbortSignal, timeoutMs: number | undefined, running: ReadonlySet<string>): unknown {
  const timedOut = signal.aborted && signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError';
  if (!timedOut) return error;
  return new RunTimeoutError(timeoutMs!, [...running]);
}
