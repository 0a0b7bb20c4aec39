import type { WorkloadSpec } from '../workload/spec.ts';
import { runOnScheduler, type OneThreadRunOptions } from './on-scheduler.ts';
import type { RunResult } from './run-result.ts';

/**
 * All tasks on this thread, switched round-robin at every `yield`: concurrency.
 * Non-blocking waits overlap; CPU work and blocking waits do not.
 */
export function runInterleaved(workload: WorkloadSpec, options?: OneThreadRunOptions): Promise<RunResult> {
  return runOnScheduler('interleaved', 'round-robin', workload, options);
}
