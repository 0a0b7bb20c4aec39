import type { RunReport, Scheduler, TaskHandle } from '../scheduler/index.ts';
import { buildTask, type TaskEnvironment, type TaskOutput } from '../workload/build.ts';
import type { WorkloadSpec } from '../workload/spec.ts';

/** Builds the named tasks of the workload and spawns them, in order, on the scheduler. */
export function spawnTasks(scheduler: Scheduler, workload: WorkloadSpec, tasks: readonly string[], env?: TaskEnvironment): TaskHandle<TaskOutput>[] {
  return tasks.map((task) => scheduler.spawn(task, buildTask(workload, task, env)));
}

/**
 * The checksums of a finished run's tasks, in spawn order. Throws what ended the run otherwise:
 * the first task's failure, the reason the run was aborted, or a task that did not finish.
 */
export function checksumsOf(report: RunReport, handles: readonly TaskHandle<TaskOutput>[]): number[] {
  const failure = report.failures[0];
  if (failure !== undefined) throw failure;
  if (report.aborted !== undefined) throw report.aborted.reason;
  return handles.map((handle) => {
    if (handle.outcome?.state !== 'done') throw new Error(`task "${handle.name}" did not finish (${handle.outcome?.state ?? 'still running'})`);
    return handle.outcome.value.checksum;
  });
}
