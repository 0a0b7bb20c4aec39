// poolifier's worker, as its documentation writes one: a ThreadWorker with its task functions.
import { ThreadWorker } from 'poolifier';
import type { KernelTask } from '../../src/runtime/plain-worker.ts';
import { kernelTask, wakeTask, type WakeTask } from './pool-task.ts';

export default new ThreadWorker<KernelTask | WakeTask, number>({ kernel: (task) => kernelTask(task as KernelTask), wake: (task) => wakeTask(task as WakeTask) });
