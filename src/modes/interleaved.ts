import { schedulerMode } from './on-scheduler.ts';

/**
 * All tasks on this thread, switched round-robin at every `yield`: concurrency.
 * Non-blocking waits overlap; CPU work and blocking waits do not.
 */
export const interleavedMode = schedulerMode('interleaved', 'round-robin', 'one thread, tasks switched round-robin at every yield: concurrency');

/** Runs the workload once, interleaved. */
export const runInterleaved = interleavedMode.run;
