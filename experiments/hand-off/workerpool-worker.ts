// workerpool's worker, as its documentation writes one: the pool calls the registered functions by name.
import workerpool from 'workerpool';
import { kernelTask, wakeTask } from './pool-task.ts';

workerpool.worker({ kernel: kernelTask, wake: wakeTask });
