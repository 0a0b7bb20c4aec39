// tinypool's worker, as its documentation writes one: the default export runs a task.
export { kernelTask as default, wakeTask as wake } from './pool-task.ts';
