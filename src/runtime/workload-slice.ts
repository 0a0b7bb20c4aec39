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
  // A stack of our own, not recursion: a delegation chain may be thousands of tasks deep.
  const toVisit = [...taskNames].reverse();
  for (let name = toVisit.pop(); name !== undefined; name = toVisit.pop()) {
    if (needed.has(name)) continue;
    const spec = index.get(name);
    // An unknown name is left for the worker's buildTask to report, with the workload's name.
    if (spec === undefined) continue;
    needed.set(name, spec);
    for (let i = spec.parts.length - 1; i >= 0; i--) {
      const p = spec.parts[i]!;
      if (p.kind === 'delegate') toVisit.push(p.task);
    }
  }
  return { name: workload.name, tasks: [...needed.values()] };
}
