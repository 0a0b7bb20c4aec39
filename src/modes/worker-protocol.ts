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

export type WorkerRequest = TaskRequest | WarmUpRequest;

export interface TaskReply {
  readonly threadId: number;
  readonly checksum: number;
  readonly trace: StepTrace;
}

export interface WarmUpReply {
  readonly threadId: number;
  readonly arrived: boolean;
}
