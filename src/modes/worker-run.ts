import { sharedNow } from '../scheduler/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { cpuMsSince, cpuNow } from '../runtime/cpu-time.ts';
import { RunFailedError } from './errors.ts';
import type { RunOptions } from './mode.ts';
import type { PoolInfo, RunResult } from '../runtime/run-result.ts';
import { taskSpans } from './step-events.ts';
import { lanesByFirstStart, mergeWorkerTraces, type LaneReply } from './worker-lanes.ts';
import { gcMarks, gcShareOf, takeGc, watchGc } from '../runtime/gc-marks.ts';
import { explainWorkerFailure } from '../runtime/worker-lost.ts';
import { describeStop, workerRunSignal } from '../runtime/worker-run-signal.ts';

/** How a worker mode hands its tasks to the pool: in jobs of one or more tasks each. */
export interface WorkerJobs<R, M extends string> {
  readonly mode: M;
  /** Task names per job, every task in exactly one job. */
  readonly jobs: readonly (readonly string[])[];
  /** Sends job number `job` (its task names are `tasks`). */
  send(tasks: readonly string[], job: number): Promise<R>;
  /** The checksums a reply carries, in the order of its job's tasks. */
  checksumsOf(reply: R): readonly number[];
  /** The worker's thread and the GC pauses the reply carries. */
  gcOf(reply: R): { readonly threadId: number; readonly gc?: readonly number[] };
  /** The recorded steps of the run, one per worker reply or per worker (none when steps were not recorded). */
  lanes(replies: readonly R[]): readonly LaneReply[];
  /** Called once when the run fails, before the pool's threads are ended: tell the workers to skip what they have not started. */
  stop?(): void;
}

/** What a run needs of its pool: the worker threads' `LabPool` and the `ProcessPool` alike. */
export interface JobPool {
  readonly threads: number;
  readonly info: PoolInfo;
  /** Warms whatever replaced a lost worker since the last run. */
  ensureWarm(): Promise<void>;
  /** Ends every worker now, so that nothing of a stopped run goes on running. */
  stopWorkers(): Promise<void>;
  /** The kernel's cost per unit in the workers, µs, timed right after the run. */
  kernelUsPerUnit(): Promise<number>;
}

/** How long a stopped run waits for its requests to come back before it ends the pool's threads. */
const STOP_GRACE_MS = 250;

/** True when every request settled within `ms`. */
async function settledWithin(pending: readonly (Promise<void> | undefined)[], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([Promise.allSettled(pending.filter((p) => p !== undefined)).then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends every job to the (warm) pool at once and assembles the run: wall time from the first
 * send to the last reply, all traces on one timeline. The first failure stops the other jobs
 * and fails the run, naming the task (or the tasks still unfinished, on a timeout). One abort
 * path serves the whole run, with no signal or listener per request: on a failure, a timeout or
 * an interrupt, the workers are told to skip what they have not started and the pool's threads
 * are ended, so that nothing of the run goes on running.
 */
export async function runJobsOnPool<R, M extends string>(pool: JobPool, workload: WorkloadSpec, options: RunOptions, how: WorkerJobs<R, M>): Promise<RunResult<M>> {
  await pool.ensureWarm();
  const stop = new AbortController();
  const signal = workerRunSignal(stop.signal, options);
  const jobs = how.jobs;
  const replies = new Array<R>(jobs.length);
  const finished = new Uint8Array(jobs.length);
  const pending = new Array<Promise<void>>(jobs.length);
  let onStop: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    onStop = () => reject(signal.reason);
    signal.addEventListener('abort', onStop, { once: true });
  });
  watchGc();
  takeGc();
  const cpu = cpuNow();
  const origin = sharedNow();
  try {
    signal.throwIfAborted();
    for (let j = 0; j < jobs.length; j++) {
      pending[j] = how.send(jobs[j]!, j).then(
        (reply) => {
          replies[j] = reply;
          finished[j] = 1;
        },
        (error: unknown) => Promise.reject(explainWorkerFailure(jobs[j]!, error)),
      );
    }
    await Promise.race([Promise.all(pending), stopped]);
  } catch (error) {
    how.stop?.();
    stop.abort(error);
    // Whatever else of the run fails from here on was caused by this stop: already handled.
    for (const p of pending) p?.catch(() => undefined);
    // Workers skip what they have not started; tasks still running after a short grace (a hang, a
    // long task) are ended with the pool's threads. Ending threads that are about to reply makes
    // Piscina throw "Unexpected message from Worker", so the pool is left alone when it can be.
    if (!(await settledWithin(pending, STOP_GRACE_MS))) await pool.stopWorkers();
    const running = jobs.filter((_, j) => finished[j] === 0).flat();
    throw new RunFailedError(how.mode, workload.name, describeStop(error, signal, options.timeoutMs, running));
  }
  const wallMs = sharedNow() - origin;
  const cpuMs = cpuMsSince(cpu);
  signal.removeEventListener('abort', onStop!);
  const mainGc = takeGc();
  // The kernel's cost per unit in the workers, timed right after the run, all of them at once as in the run.
  const usPerUnit = await pool.kernelUsPerUnit();
  const laneReplies = how.lanes(replies);
  const { trace, lanes } = mergeWorkerTraces(laneReplies, origin);
  const laneOf = lanesByFirstStart(laneReplies);
  const end = origin + wallMs;
  // Pauses are drawn on the lanes of the threads that had steps; all of them count in gcShare, the lab's own thread's too.
  const everyGc = [...gcMarks(mainGc, -1, origin, end, origin), ...replies.flatMap((r) => gcMarks(how.gcOf(r).gc ?? [], laneOf.get(how.gcOf(r).threadId) ?? -1, origin, end, origin))];
  const gc = everyGc.filter((m) => m.lane >= 0);
  const checksumOf = new Map(jobs.flatMap((tasks, j) => tasks.map((task, i): [string, number] => [task, how.checksumsOf(replies[j]!)[i]!])));
  const checksums = new Map(workload.tasks.map((t) => [t.name, checksumOf.get(t.name)!]));
  return { mode: how.mode, workload: workload.name, threads: pool.threads, wallMs, cpuMs, kernelUsPerUnit: usPerUnit, gc, gcShare: gcShareOf(everyGc, wallMs), tasks: taskSpans(trace, checksums), trace, lanes, pool: pool.info };
}
