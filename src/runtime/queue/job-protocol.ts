import type { WorkloadSpec } from '../../workload/spec.ts';

/** One job on a run's queue: one task, with the part of the workload it needs (its slice). */
export interface JobData {
  /** The slice of the workload this task needs: the task and every task it delegates to. */
  readonly workload: WorkloadSpec;
  readonly task: string;
  /** Record the task's steps (timelines); false under `--no-steps`. */
  readonly steps: boolean;
  /** Report the worker's host and pid as the job's progress when it starts (for tests that must kill the worker running a job). */
  readonly announce?: boolean;
}

/** A job's steps, column-wise as JSON can carry them; times on the worker's `sharedNow()` clock, ms. */
export interface JobSteps {
  readonly labels: readonly string[];
  readonly label: readonly number[];
  readonly start: readonly number[];
  readonly end: readonly number[];
  readonly endedBy: readonly number[];
}

/** Where a worker's clock stands against Redis's `TIME`: Redis ms minus `sharedNow()` ms, within +- `uncertaintyMs`. */
export interface ClockOffset {
  readonly offsetMs: number;
  readonly uncertaintyMs: number;
}

/** What a worker sends back for a job (its return value). */
export interface JobResult {
  readonly checksum: number;
  readonly host: string;
  readonly pid: number;
  /** Which attempt this was: 2 and up after a worker died holding the job. */
  readonly attempt: number;
  /** CPU time the worker's process spent on the job, ms. */
  readonly cpuMs: number;
  readonly clock: ClockOffset;
  readonly steps?: JobSteps;
}

/** The progress a job reports when it starts, if its data asks (`announce`). */
export interface JobStart {
  readonly host: string;
  readonly pid: number;
}

/** The fixed key and channel through which workers started without `--queue` learn the queue of the run in progress. */
export const CONTROL = { key: 'lab:control:queue', channel: 'lab:control' } as const;

/** A queue name of the run's own: nothing of an earlier, interrupted run can reach it. */
export function runQueueName(now = Date.now(), pid = process.pid, random = Math.random()): string {
  return `lab-run-${now.toString(36)}-${pid}-${Math.floor(random * 36 ** 4).toString(36)}`;
}

/** A job a worker process is running, as it tells its parent. */
export interface HeldJob {
  readonly id: string;
  readonly task: string;
}

/** What a worker process tells its parent over IPC: it is ready, which queue it serves, which job it runs (null: none now). */
export type WorkerMessage = { readonly ready: true; readonly pid: number } | { readonly serving: string | null } | { readonly running: HeldJob | null };

/** What a worker process's parent tells it over IPC: stop now, without waiting for the job in hand, whose run is over. */
export type StopMessage = { readonly stop: 'abandon-jobs' };

/** Where a worker process finds the Redis credentials: its environment, which only its user can read (its command line, `ps` shows everyone). */
export const CREDENTIALS_ENV = 'LAB_REDIS_CREDENTIALS';
