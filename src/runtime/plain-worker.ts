import { threadId } from 'node:worker_threads';
import { cpuKernel } from '../workload/cpu-kernel.ts';
import { arriveAndWait } from './barrier.ts';
import { kernelUsPerUnit } from './kernel-calibration.ts';

/** One task of the plain pool: only what the kernel needs. */
export interface KernelTask {
  readonly units: number;
  readonly seed: number;
}

/** Several requests of the same kernel work in one task, as a server that batches them sends it. */
export interface KernelBatch {
  readonly units: number;
  readonly seed: number;
  readonly count: number;
}

export interface PlainWarmUp {
  readonly barrier: SharedArrayBuffer;
  readonly parties: number;
  readonly timeoutMs: number;
  readonly units: number;
}

export interface PlainWarmUpReply {
  readonly threadId: number;
  readonly arrived: boolean;
  /** The kernel's cost per unit on this thread, µs, timed over the request's units. */
  readonly kernelUsPerUnit: number;
}

/** A plain Piscina worker, the lab's reference for dispatch cost: no scheduler, no trace, no signal. */
export default function kernelTask(task: KernelTask): number {
  return cpuKernel(task.units, task.seed);
}

/** Runs the batch's requests one after another; one checksum per request. */
export function kernelBatch(batch: KernelBatch): number[] {
  const checksums: number[] = [];
  for (let i = 0; i < batch.count; i++) checksums.push(cpuKernel(batch.units, batch.seed));
  return checksums;
}

/** Start-up check: compile the kernel, then meet the other threads at a barrier. */
export function warmUp(request: PlainWarmUp): PlainWarmUpReply {
  const usPerUnit = kernelUsPerUnit(Math.max(1, request.units));
  return { threadId, arrived: arriveAndWait(request.barrier, request.parties, request.timeoutMs), kernelUsPerUnit: usPerUnit };
}
