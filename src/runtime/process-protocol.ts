import type { RecordedSteps } from '../scheduler/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';

/**
 * The messages between the lab and its forked processes (`child_process.fork`, IPC with
 * `serialization: 'advanced'`, so typed arrays and errors cross intact). Nothing is shared
 * between processes: a run's workload travels once per process per run, in the first task
 * message a process gets for that run, and each reply carries the task's own steps.
 */

/** Run task number `task` of run `run`; `workload` is present when this process has not seen the run yet. */
export interface ProcessTaskRequest {
  readonly kind: 'task';
  readonly id: number;
  readonly run: number;
  readonly workload?: WorkloadSpec;
  readonly task: number;
  readonly steps: boolean;
}

/** Time `units` of the kernel here (warming it up on the first call), µs per unit. */
export interface ProcessCalibrateRequest {
  readonly kind: 'calibrate';
  readonly id: number;
  readonly units: number;
}

export type ProcessRequest = ProcessTaskRequest | ProcessCalibrateRequest;

/** Sent once, when the process has loaded the loader and every module it needs: it is ready for work. */
export interface ProcessReady {
  readonly kind: 'ready';
  readonly pid: number;
}

export interface ProcessTaskReply {
  readonly kind: 'task';
  readonly id: number;
  readonly pid: number;
  readonly checksum: number;
  /** The task's steps on the shared clock, when recorded. */
  readonly trace?: RecordedSteps;
  /** Garbage-collection pauses of the process since its last reply: start, end, ... on the shared clock. */
  readonly gc?: readonly number[];
  /** CPU time the process used for the task, ms (its own clock: the lab's `process.cpuUsage` does not see it). */
  readonly cpuMs: number;
}

export interface ProcessCalibrated {
  readonly kind: 'calibrated';
  readonly id: number;
  readonly usPerUnit: number;
}

/** The request failed in the process (a task threw); the process lives on. */
export interface ProcessFailed {
  readonly kind: 'failed';
  readonly id: number;
  readonly error: unknown;
}

export type ProcessMessage = ProcessReady | ProcessTaskReply | ProcessCalibrated | ProcessFailed;
