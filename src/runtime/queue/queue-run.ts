import { hostname } from 'node:os';
import type { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { RunTimeoutError, sharedNow } from '../../scheduler/index.ts';
import { workloadSlice } from '../workload-slice.ts';
import type { WorkloadSpec } from '../../workload/spec.ts';
import type { ClockOffset, JobData, JobResult, JobStart } from './job-protocol.ts';
import type { RedisTarget } from './redis-target.ts';
import { withTimeout } from '../with-timeout.ts';
import { watchRedis } from './watchdog.ts';
import { RedisUnavailableError, WorkerProcessLostError } from './errors.ts';
import type { LocalWorkers } from './local-workers.ts';

/** The parts of a session a run uses. */
export interface SessionHandles {
  readonly target: RedisTarget;
  readonly queue: Queue<JobData, JobResult>;
  readonly events: QueueEvents;
  /** The queue's connection. */
  readonly client: Redis;
  /** The health check's own connection. */
  readonly health: Redis;
  readonly clock: ClockOffset;
  readonly exited?: Promise<string>;
  /** The worker processes the session started, which say how they ended and under which job. */
  readonly workers?: Pick<LocalWorkers, 'lost' | 'onExit'>;
  readonly announce: boolean;
  /** How long the run's health check waits for Redis's answer before the run fails, ms. */
  readonly answerWithinMs: number;
}

export interface QueueRunOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  /** Record every step (default true). */
  readonly steps?: boolean;
  /** Called when a job starts, with its worker, if the session announces starts. */
  readonly onStart?: (task: string, start: JobStart) => void;
}

/** One job's outcome as the run keeps it: the first result that came back for its id. */
export interface JobOutcome {
  readonly jobId: string;
  readonly task: string;
  readonly result: JobResult;
  /** Milliseconds to add to the worker's clock to put its steps on the lab's; 0 on this machine. */
  readonly shiftMs: number;
}

/** A workload's tasks run once as jobs through the queue. */
export interface QueueRun {
  /** From the first job added to the last completion seen, ms on the lab's clock. */
  readonly startMs: number;
  readonly wallMs: number;
  /** In task order. */
  readonly jobs: readonly JobOutcome[];
  /** Jobs a second worker finished after the first one died holding them (attempt > 1). */
  readonly retried: number;
  /** Completions reported again for a job already counted (ignored). */
  readonly duplicates: number;
  /** How far a remote worker's steps may be off on the lab's timeline, ms (0 when all ran here). */
  readonly clockUncertaintyMs: number;
}

const here = hostname();

/** Jobs per `addBulk`. Each call is one MULTI, which Redis runs whole, serving no other client meanwhile (health checks, completions): bounded chunks keep each such pause short. */
export const ADD_CHUNK = 1000;

/**
 * Adds `count` jobs, made by `job(i)` as they are needed, `chunk` at a time, each chunk after the
 * last one was added; stops between chunks once `stopped()` says the run is over.
 */
export async function addInChunks<J>(add: (jobs: J[]) => Promise<unknown>, count: number, job: (i: number) => J, stopped: () => boolean, chunk = ADD_CHUNK): Promise<void> {
  for (let first = 0; first < count && !stopped(); first += chunk) {
    const jobs: J[] = [];
    for (let i = first; i < Math.min(first + chunk, count); i++) jobs.push(job(i));
    await add(jobs);
  }
}

/**
 * Adds one job per task (job id = run and task number, so a job that runs twice is counted once),
 * and waits for every completion, the first failure, the watchdog, the signal or the timeout. On a
 * stop, the jobs still waiting are removed so that no worker starts them.
 */
export async function runOnQueue(session: SessionHandles, run: number, workload: WorkloadSpec, options: QueueRunOptions): Promise<QueueRun> {
  const steps = options.steps !== false;
  const prefix = `r${run}-`;
  const index = new Map(workload.tasks.map((_, i) => [`${prefix}${i}`, i]));
  const outcomes = new Array<JobOutcome | undefined>(workload.tasks.length);
  let left = workload.tasks.length;
  let duplicates = 0;
  let lastAt = sharedNow();
  const started = new Set<number>();
  let over = false;
  let settle: { resolve(): void; reject(error: unknown): void } = { resolve() {}, reject() {} };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  void done.then(
    () => (over = true),
    () => (over = true),
  );
  const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }): void => {
    const i = index.get(jobId);
    if (i === undefined) return;
    if (outcomes[i] !== undefined) {
      duplicates++;
      return;
    }
    const result = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as JobResult;
    const shiftMs = result.host === here ? 0 : result.clock.offsetMs - session.clock.offsetMs;
    outcomes[i] = { jobId, task: workload.tasks[i]!.name, result, shiftMs };
    lastAt = sharedNow();
    if (--left === 0) settle.resolve();
  };
  const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }): void => {
    const i = index.get(jobId);
    if (i !== undefined) settle.reject(new Error(`task "${workload.tasks[i]!.name}" failed on a worker: ${failedReason}`));
  };
  const onProgress = ({ jobId, data }: { jobId: string; data: unknown }): void => {
    const i = index.get(jobId);
    if (i !== undefined) options.onStart?.(workload.tasks[i]!.name, data as JobStart);
  };
  const onActive = ({ jobId }: { jobId: string }): void => {
    const i = index.get(jobId);
    if (i !== undefined) started.add(i);
  };
  const onAbort = (): void => settle.reject(options.signal?.reason);
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => settle.reject(timedOut(workload, options.timeoutMs!, started, outcomes)), options.timeoutMs);
  const watchdog = watchRedis(session.health, session.target.url, { answerWithinMs: session.answerWithinMs, ...(session.exited !== undefined && { exited: session.exited }) });
  void watchdog.failed.catch((error: unknown) => settle.reject(error));
  void session.workers?.lost.then(({ pid, how, job }) => settle.reject(new Error(`every worker process this lab started has exited (the last, pid ${pid}: ${how}${job === undefined ? '' : `, running task "${job.task}"`})`)));
  // A worker that exited by itself under one of this run's jobs was ended by its task (an `exit` fault); one killed by a signal was not, and its job goes to another worker.
  const stopWatchingExits = session.workers?.onExit(({ pid, code, job }) => {
    if (job !== undefined && code !== null && code !== 0 && index.has(job.id)) settle.reject(new WorkerProcessLostError(job.task, pid, code));
  });
  session.events.on('completed', onCompleted);
  session.events.on('failed', onFailed);
  session.events.on('progress', onProgress);
  session.events.on('active', onActive);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const job = (i: number): { name: string; data: JobData; opts: { jobId: string; removeOnComplete: true; removeOnFail: true } } => {
    const task = workload.tasks[i]!.name;
    return {
      name: task,
      data: { workload: workloadSlice(workload, [task]), task, steps, ...(session.announce && { announce: true }) },
      opts: { jobId: `${prefix}${i}`, removeOnComplete: true, removeOnFail: true },
    };
  };
  const startMs = sharedNow();
  try {
    options.signal?.throwIfAborted();
    await Promise.race([addInChunks((jobs) => session.queue.addBulk(jobs), workload.tasks.length, job, () => over), done]);
    await done;
  } catch (error) {
    over = true;
    // Jobs not yet started are removed; the ones in hand finish and are ignored (their run is over). Not asked of a Redis known to be gone.
    if (!(error instanceof RedisUnavailableError)) await withTimeout(session.queue.drain(true), 2000).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
    watchdog.stop();
    stopWatchingExits?.();
    session.events.off('completed', onCompleted);
    session.events.off('failed', onFailed);
    session.events.off('progress', onProgress);
    session.events.off('active', onActive);
    options.signal?.removeEventListener('abort', onAbort);
  }
  const kept = outcomes as JobOutcome[];
  const remote = kept.filter((o) => o.result.host !== here);
  return {
    startMs,
    wallMs: lastAt - startMs,
    jobs: kept,
    retried: kept.filter((o) => o.result.attempt > 1).length,
    duplicates,
    clockUncertaintyMs: remote.length === 0 ? 0 : session.clock.uncertaintyMs + Math.max(...remote.map((o) => o.result.clock.uncertaintyMs)),
  };
}

/** The run's time bound ran out: the tasks a worker had started and not finished, and those none had started, as the other modes name them. */
function timedOut(workload: WorkloadSpec, timeoutMs: number, started: ReadonlySet<number>, outcomes: readonly (JobOutcome | undefined)[]): RunTimeoutError {
  const unfinished = workload.tasks.flatMap((t, i) => (outcomes[i] === undefined ? [{ name: t.name, started: started.has(i) }] : []));
  return new RunTimeoutError(timeoutMs, someOf(unfinished.filter((t) => t.started).map((t) => t.name)), someOf(unfinished.filter((t) => !t.started).map((t) => t.name)));
}

/** Names enough to find the tasks, on one line even for a run of 100,000 jobs. */
const NAMES_SHOWN = 10;

function someOf(names: readonly string[]): string[] {
  return names.length <= NAMES_SHOWN ? [...names] : [...names.slice(0, NAMES_SHOWN), `and ${names.length - NAMES_SHOWN} more`];
}
