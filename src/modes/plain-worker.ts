import { threadId } from 'node:worker_threads';
import { cpuKernel } from '../workload/cpu-kernel.ts';
import { arriveAndWait } from './barrier.ts';

/** One task of the plain pool: only what the kernel needs. */
export interface KernelTask {
  readonly units: number;
  readonly seed: number;
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
}

/** A plain Piscina worker, the lab's reference for dispatch cost: no scheduler, no trace, no signal. */
export default function kernelTask(task: KernelTask): number {
  return cpuKernel(task.units, task.seed);
}

/** Start-up check: compile the kernel, then meet the other threads at a barrier. */
export function warmUp(request: PlainWarmUp): PlainWarmUpReply {
  cpuKernel(request.units, threadId);
  return { threadId, arrived: arriveAndWait(request.barrier, request.parties, request.timeoutMs) };
}
