import type { WorkloadSpec } from '../workload/spec.ts';
import { defineMode, type ModeRunOptions } from './mode.ts';
import { runOnScheduler } from './on-scheduler.ts';
import type { RunResult } from './run-result.ts';

/**
 * Each task runs to completion, in order, on this thread: the scheduler under the `fifo`
 * policy, which is exactly the seed article's runner. Total time = all work + all waits.
 */
export function runSequential(workload: WorkloadSpec, options?: ModeRunOptions): Promise<RunResult<'sequential'>> {
  return runOnScheduler('sequential', 'fifo', workload, options);
}

export const sequentialMode = defineMode({
  name: 'sequential',
  needs: 'nothing',
  summary: 'one thread, each task run to completion in order: the baseline',
  run: runSequential,
});
