import type { Clock } from './clock.ts';
import type { TaskFailedError } from './errors.ts';
import type { PolicyName } from './policies/index.ts';
import type { StepRecorder, RecordedSteps } from './step-record.ts';

export interface SchedulerOptions {
  /** Which ready task runs next. Default `round-robin`. */
  readonly policy?: PolicyName;
  /** Record every step (task, part, start, end). Default off. */
  readonly trace?: boolean;
  /** Steps to make room for up front when tracing (the columns still grow past it). Default 1024. */
  readonly traceCapacity?: number;
  /**
   * Record steps into this recorder instead of one of the scheduler's own (implies `trace`). It
   * keeps the rows it had: a worker reuses one recorder, in shared memory, for all its tasks of a run.
   */
  readonly recorder?: StepRecorder;
  /** Time source for traces and timers. Default: the process-wide shared clock. */
  readonly clock?: Clock;
  /** Aborting it cancels every task (their `finally` blocks run) and ends the run. */
  readonly signal?: AbortSignal;
  /** Abort the run with a `RunTimeoutError` after this many milliseconds. */
  readonly timeoutMs?: number;
  /** How long tasks run back to back before Node's own event loop gets a turn (I/O, abort). */
  readonly sliceMs?: number;
  /** When a task fails, cancel all the others and end the run (aborted with that failure). Default off: the others go on. */
  readonly failFast?: boolean;
}

/** What a finished run tells: when, how many steps, which tasks failed, whether it was aborted. */
export interface RunReport {
  readonly policy: PolicyName;
  readonly startMs: number;
  readonly endMs: number;
  readonly steps: number;
  readonly failures: readonly TaskFailedError[];
  readonly aborted: { readonly reason: unknown; readonly running: readonly string[] } | undefined;
  readonly trace: RecordedSteps | undefined;
}

/** What a run of a scheduler built with options `O` reports: when `O` turns step recording on (`trace: true` or a `recorder`), the `trace` is there. */
export type ReportOf<O extends SchedulerOptions> = O extends { readonly trace: true } | { readonly recorder: StepRecorder } ? RunReport & { readonly trace: RecordedSteps } : RunReport;
