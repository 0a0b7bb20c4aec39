import type { WorkloadSpec } from '../../src/workload/spec.ts';

/** What every task of the many-tasks workload does: wait on a timer, then a little CPU work. */
export interface ManyTasksShape {
  /** Tasks in the workload. */
  readonly tasks: number;
  /** How long each task waits on its timer, ms. */
  readonly waitMs: number;
  /** Kernel units each task computes after its wait (one unit is the smallest CPU part a workload has). */
  readonly units: number;
}

/** N tasks `t1`..`tN`, each a timer wait then a CPU part: built the same way for every way of running them. */
export function manyTasksWorkload({ tasks, waitMs, units }: ManyTasksShape): WorkloadSpec {
  const specs = new Array<WorkloadSpec['tasks'][number]>(tasks);
  for (let i = 0; i < tasks; i++) specs[i] = { name: `t${i + 1}`, parts: [{ kind: 'wait', ms: waitMs }, { kind: 'cpu', units }] };
  return { name: 'many-tasks', description: `${tasks} tasks, each a ${waitMs} ms timer wait then ${units} cpu unit${units === 1 ? '' : 's'}`, tasks: specs };
}

/** Folds per-task checksums into one, in task order, so two ways of running the same tasks can be compared in one number. */
export function foldChecksums(checksums: ArrayLike<number>): number {
  let folded = 0x811c9dc5;
  for (let i = 0; i < checksums.length; i++) folded = Math.imul((folded ^ checksums[i]!) >>> 0, 0x01000193) >>> 0;
  return folded;
}
