import type { TaskSpec, WorkloadSpec } from './spec.ts';

/**
 * True when no task of the workload waits or blocks: its run time is CPU work alone, so one
 * thread cannot gain by interleaving it and n threads cannot beat n cores. Delegated parts
 * name other tasks of the same workload, whose parts are checked here too.
 */
export function isCpuBoundWorkload(workload: WorkloadSpec): boolean {
  return workload.tasks.every((task) => task.parts.every((part) => part.kind !== 'wait' && part.kind !== 'block'));
}

/** Kernel units in a task's own cpu parts (delegated parts are the other task's). */
export function taskCpuUnits(task: TaskSpec): number {
  return task.parts.reduce((sum, part) => sum + (part.kind === 'cpu' ? part.units : 0), 0);
}

/** Kernel units in all the workload's tasks' own cpu parts. */
export function workloadCpuUnits(workload: WorkloadSpec): number {
  return workload.tasks.reduce((sum, task) => sum + taskCpuUnits(task), 0);
}
