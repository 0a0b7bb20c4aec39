import type { RecordedSteps } from '../scheduler/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';

/**
 * Run one task of a shared workload in the worker, under its own scheduler. The message holds
 * no spec: the workload travels once per run, in `share` (shared memory, see run-share.ts).
 */
export interface TaskRequest {
  readonly kind: 'task';
  /** Run id: a worker decodes the shared workload on its first task of a run only. */
  readonly run: number;
  readonly share: SharedArrayBuffer;
  /** Index of the task in the workload. */
  readonly task: number;
  /** Record the task's steps (into the worker's shared step buffer of the run). */
  readonly steps: boolean;
}

/** Start-up check: run the kernel (so it is compiled), then meet the other threads at a barrier. */
export interface WarmUpRequest {
  readonly kind: 'warm-up';
  readonly barrier: SharedArrayBuffer;
  readonly parties: number;
  readonly timeoutMs: number;
  readonly units: number;
}

/**
 * Run several tasks of a workload in the worker, interleaved round-robin under one
 * scheduler: the hybrid mode's one message per worker per run.
 */
export interface BatchRequest {
  readonly kind: 'batch';
  readonly workload: WorkloadSpec;
  readonly tasks: readonly string[];
  /** Record the tasks' steps and send them back. */
  readonly steps: boolean;
}

/** A task of the run in the pool's mailbox, as one number (see `taskNumber` in run-share.ts): the cheapest message there is. */
export type TaskNumber = number;

export type WorkerRequest = TaskRequest | TaskNumber | BatchRequest | WarmUpRequest;

export interface TaskReply {
  readonly threadId: number;
  readonly checksum: number;
  /** The worker's step buffer of the run, in the first reply that follows its creation or growth (see shared-steps.ts). */
  readonly steps?: SharedArrayBuffer;
  /** The run had been stopped before the worker reached this task: it did not run. */
  readonly skipped?: true;
  /** Garbage-collection pauses of the worker since its last reply: start, end, ... on the shared clock. */
  readonly gc?: readonly number[];
}

export interface BatchReply {
  readonly threadId: number;
  /** One per requested task, in request order. */
  readonly checksums: readonly number[];
  /** Absent when steps were not recorded. */
  readonly trace?: RecordedSteps;
  /** Garbage-collection pauses of the worker since its last reply: start, end, ... on the shared clock. */
  readonly gc?: readonly number[];
}

export interface WarmUpReply {
  readonly threadId: number;
  readonly arrived: boolean;
  /** CPU time this thread has used, ms, where the system says (Linux: /proc/thread-self/schedstat). */
  readonly threadCpuMs?: number;
  /** The kernel's cost per unit on this thread, µs, timed over the request's `units` (absent for 0 units). */
  readonly kernelUsPerUnit?: number;
}

/** A task's reply when it has nothing to send but its checksum. */
export type ChecksumReply = number;

export type WorkerReply = TaskReply | ChecksumReply | BatchReply | WarmUpReply;

/** The reply a worker sends to a request of type `Q`. */
export type ReplyTo<Q extends WorkerRequest> = Q extends TaskRequest | TaskNumber ? TaskReply | ChecksumReply : Q extends BatchRequest ? BatchReply : WarmUpReply;

/** What the workers get when they start: the pool's mailbox (see run-share.ts). */
export interface PoolWorkerData {
  readonly mailbox: SharedArrayBuffer;
}
