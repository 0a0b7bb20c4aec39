import type { StepTrace } from '../scheduler/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';

/** Run one task of a workload in the worker, under its own scheduler. */
export interface TaskRequest {
  readonly kind: 'task';
  readonly workload: WorkloadSpec;
  readonly task: string;
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
}

export type WorkerRequest = TaskRequest | BatchRequest | WarmUpRequest;

export interface TaskReply {
  readonly threadId: number;
  readonly checksum: number;
  readonly trace: StepTrace;
}

export interface BatchReply {
  readonly threadId: number;
  /** One per requested task, in request order. */
  readonly checksums: readonly number[];
  readonly trace: StepTrace;
}

export interface WarmUpReply {
  readonly threadId: number;
  readonly arrived: boolean;
}

export type WorkerReply = TaskReply | BatchReply | WarmUpReply;
