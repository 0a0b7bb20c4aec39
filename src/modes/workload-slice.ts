import type { TaskSpec, WorkloadSpec } from '../workload/spec.ts';
import { taskIndex } from '../workload/task-index.ts';

/**
 * The part of a workload that the named tasks need: those tasks and every task they
 * delegate to. A worker message carries this instead of the whole workload, because a
 * whole spec sent once per task makes a run of n tasks clone n x n task specs.
 */
export function workloadSlice(workload: WorkloadSpec, taskNames: readonly string[]): WorkloadSpec {
  const index = taskIndex(workload);
  const needed = new Map<string, TaskSpec>();
  const visit = (name: string): void => {
    if (needed.has(name)) return;
    const spec = index.get(name);
    // An unknown name is left for the worker's buildTask to report, with the workload's name.
    if (spec === undefined) return;
    needed.set(name, spec);
    for (const p of spec.parts) if (p.kind === 'delegate') visit(p.task);
  };
  for (const name of taskNames) visit(name);
  return { name: workload.name, tasks: [...needed.values()] };
}
