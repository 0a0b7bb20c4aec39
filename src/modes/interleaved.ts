import type { WorkloadSpec } from '../workload/spec.ts';
import { defineMode, type ModeRunOptions } from './mode.ts';
import { runOnScheduler } from './on-scheduler.ts';
import type { RunResult } from './run-result.ts';

/**
 * All tasks on this thread, switched round-robin at every `yield`: concurrency.
 * Non-blocking waits overlap; CPU work and blocking waits do not.
 */
export function runInterleaved(workload: WorkloadSpec, options?: ModeRunOptions): Promise<RunResult<'interleaved'>> {
  return runOnScheduler('interleaved', 'round-robin', workload, options);
}

export const interleavedMode = defineMode({
  name: 'interleaved',
  needs: 'nothing',
  summary: 'one thread, tasks switched round-robin at every yield: concurrency',
  run: runInterleaved,
});
