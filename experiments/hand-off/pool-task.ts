import { threadId } from 'node:worker_threads';
import { arriveAndWait } from '../../src/runtime/barrier.ts';
import type { KernelTask } from '../../src/runtime/plain-worker.ts';
import { cpuKernel } from '../../src/workload/cpu-kernel.ts';

/** The untimed task that wakes every thread of a pool: one per thread at once, each held at a barrier until all have one. */
export interface WakeTask {
  readonly barrier: SharedArrayBuffer;
  readonly parties: number;
  readonly timeoutMs: number;
}

/** A pool worker's task: the kernel, as the plain Piscina worker runs it. */
export function kernelTask(task: KernelTask): number {
  return cpuKernel(task.units, task.seed);
}

/** Meets the pool's other threads at the barrier; the thread's id when all arrived, -1 when the barrier timed out. */
export function wakeTask(task: WakeTask): number {
  cpuKernel(1, 0);
  return arriveAndWait(task.barrier, task.parties, task.timeoutMs) ? threadId : -1;
}
