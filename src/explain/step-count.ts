import { DEFAULT_SLICE_UNITS, type PartSpec, type TaskSpec, type WorkloadSpec } from '../workload/spec.ts';
import { DelegationCycle, workTotals } from '../workload/work-totals.ts';

/** The most steps `--explain` shows: a class can follow 50 steps; past that the timeline says more. */
export const MAX_EXPLAINED_STEPS = 50;

/**
 * How many steps the scheduler takes to run every task of a (validated) workload once: one per
 * part, one per cpu slice, plus the step in which each task returns. Counting stops early once it
 * passes `limit`, so a huge workload costs no more than a small one.
 */
export function explainedStepCount(workload: WorkloadSpec, limit = MAX_EXPLAINED_STEPS): number {
  if (workload.tasks.length > limit) return workload.tasks.length;
  let tooMany = false;
  // A cpu part takes one step per slice: spell those out as parts so that delegation counts them too.
  const stepsOf = (task: TaskSpec): TaskSpec => ({
    name: task.name,
    parts: task.parts.flatMap((p): PartSpec[] => {
      if (p.kind !== 'cpu') return [p];
      const slices = Math.max(1, Math.ceil(p.units / (p.sliceUnits ?? DEFAULT_SLICE_UNITS)));
      if (slices > limit) tooMany = true;
      return Array.from({ length: Math.min(slices, limit + 1) }, () => ({ kind: 'wait' as const, ms: 0 }));
    }),
  });
  const tasks = workload.tasks.map(stepsOf);
  if (tooMany) return limit + 1;
  const totals = workTotals(tasks, new Map(tasks.map((t) => [t.name, t])));
  return totals instanceof DelegationCycle ? Number.POSITIVE_INFINITY : totals.parts + workload.tasks.length;
}
