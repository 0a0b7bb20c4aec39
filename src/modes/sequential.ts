import { schedulerMode } from './on-scheduler.ts';

/**
 * Each task runs to completion, in order, on this thread: the scheduler under the `fifo`
 * policy, which is exactly the seed article's runner. Total time = all work + all waits.
 */
export const sequentialMode = schedulerMode('sequential', 'fifo', 'one thread, each task run to completion in order: the baseline');

/** Runs the workload once, sequentially. */
export const runSequential = sequentialMode.run;
