import { sharedNow } from '../scheduler/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { RunFailedError } from './errors.ts';
import type { ParallelRunOptions } from './parallel.ts';
import type { LabPool } from './pool.ts';
import type { ModeName, RunResult } from './run-result.ts';
import { SignalFanOut } from './signal-fan-out.ts';
import { taskSpans } from './trace-events.ts';
import { mergeWorkerTraces, type LaneReply } from './worker-lanes.ts';
import { explainWorkerFailure } from './worker-lost.ts';
import { describeStop, workerRunSignal } from './worker-run-signal.ts';

/** How a worker mode hands its tasks to the pool: in jobs of one or more tasks each. */
export interface WorkerJobs<R extends LaneReply> {
  readonly mode: ModeName;
  /** Task names per job, every task in exactly one job. */
  readonly jobs: readonly (readonly string[])[];
  send(tasks: readonly string[], signal: AbortSignal): Promise<R>;
  /** The checksums a reply carries, in the order of its job's tasks. */
  checksumsOf(reply: R): readonly number[];
}

/**
 * Sends every job to the (warm) pool at once and assembles the run: wall time from the first
 * send to the last reply, all traces on one timeline. The first failure stops the other jobs
 * and fails the run, naming the task (or the tasks still unfinished, on a timeout).
 */
export async function runJobsOnPool<R extends LaneReply>(pool: LabPool, workload: WorkloadSpec, options: ParallelRunOptions, how: WorkerJobs<R>): Promise<RunResult> {
  await pool.ensureWarm();
  const stop = new AbortController();
  const signal = workerRunSignal(stop.signal, options);
  const fanOut = new SignalFanOut(signal);
  const running = new Set(workload.tasks.map((t) => t.name));
  const origin = sharedNow();
  let replies: R[];
  try {
    replies = await Promise.all(
      how.jobs.map(async (tasks) => {
        const reply = await fanOut.with((own) => how.send(tasks, own)).catch((error: unknown) => Promise.reject(explainWorkerFailure(tasks, error)));
        for (const task of tasks) running.delete(task);
        return reply;
      }),
    );
  } catch (error) {
    stop.abort(error);
    throw new RunFailedError(how.mode, workload.name, describeStop(error, signal, options.timeoutMs, running));
  }
  const wallMs = sharedNow() - origin;
  const { trace, lanes } = mergeWorkerTraces(replies, origin);
  const checksumOf = new Map(how.jobs.flatMap((tasks, j) => tasks.map((task, i): [string, number] => [task, how.checksumsOf(replies[j]!)[i]!])));
  const checksums = new Map(workload.tasks.map((t) => [t.name, checksumOf.get(t.name)!]));
  return { mode: how.mode, workload: workload.name, threads: pool.threads, wallMs, tasks: taskSpans(trace, checksums), trace, lanes, pool: pool.info };
}
