import type { RunReport, Scheduler, TaskHandle } from '../scheduler/index.ts';
import { buildTask, buildTaskOf, type TaskEnvironment, type TaskOutput } from '../workload/build.ts';
import type { TaskSpec, WorkloadSpec } from '../workload/spec.ts';

/**
 * Builds tasks of the workload and spawns them, in order, on the scheduler. Given specs (the lab's own
 * thread, all tasks), nothing is looked up by name, so a million-task workload is never indexed; given
 * names (a worker's share), each is found in the workload.
 */
export function spawnTasks(scheduler: Scheduler, workload: WorkloadSpec, tasks: readonly TaskSpec[] | readonly string[], env?: TaskEnvironment): TaskHandle<TaskOutput>[] {
  return tasks.map((task: TaskSpec | string) =>
    typeof task === 'string' ? scheduler.spawn(task, buildTask(workload, task, env)) : scheduler.spawn(task.name, buildTaskOf(workload, task, env)),
  );
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
