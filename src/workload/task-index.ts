import type { TaskSpec, WorkloadSpec } from './spec.ts';

const indexes = new WeakMap<WorkloadSpec, ReadonlyMap<string, TaskSpec>>();

/**
 * The workload's tasks by name, built once per workload object: building n tasks of one
 * workload must not index it n times (n x n for thousands of small tasks).
 */
export function taskIndex(workload: WorkloadSpec): ReadonlyMap<string, TaskSpec> {
  let index = indexes.get(workload);
  if (index === undefined) {
    index = new Map(workload.tasks.map((t) => [t.name, t]));
    indexes.set(workload, index);
  }
  return index;
}
