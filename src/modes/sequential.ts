import type { WorkloadSpec } from '../workload/spec.ts';
import { runOnScheduler, type OneThreadRunOptions } from './on-scheduler.ts';
import type { RunResult } from './run-result.ts';

/**
 * Each task runs to completion, in order, on this thread: the scheduler under the `fifo`
 * policy, which is exactly the seed article's runner. Total time = all work + all waits.
 */
export function runSequential(workload: WorkloadSpec, options?: OneThreadRunOptions): Promise<RunResult> {
  return runOnScheduler('sequential', 'fifo', workload, options);
}
