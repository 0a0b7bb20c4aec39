import { Scheduler, sharedNow, type PolicyName, type StepRecorder, type StepTrace, type TaskHandle } from '../scheduler/index.ts';
import { buildTask, type TaskOutput } from '../workload/build.ts';
import type { EndThread } from '../workload/fault.ts';
import type { WorkloadSpec } from '../workload/spec.ts';

/** What running some tasks of a workload here gave: their checksums in request order, and their steps when recorded. */
export interface RanHere {
  readonly checksums: number[];
  readonly trace: StepTrace | undefined;
}

/**
 * Rebuilds the named tasks of a workload from its spec and runs them on this thread under one
 * scheduler on the shared clock: one task alone (`fifo`) or a batch interleaved (`round-robin`).
 * Every lane that is not the lab's own thread (a worker thread, a forked process) runs its tasks
 * through here, so that every mode rebuilds the same generators and reports the same checksums.
 * `steps`: true records a trace of its own, a recorder records into that recorder, false records nothing.
 */
export async function runTasksHere(
  workload: WorkloadSpec,
  tasks: readonly string[],
  policy: PolicyName,
  steps: boolean | StepRecorder,
  endThread: EndThread,
): Promise<RanHere> {
  const scheduler = new Scheduler({ policy, clock: sharedNow, ...(steps === true ? { trace: true } : steps === false ? {} : { recorder: steps }) });
  const handles: TaskHandle<TaskOutput>[] = tasks.map((task) => scheduler.spawn(task, buildTask(workload, task, { endThread })));
  const report = await scheduler.run();
  const failure = report.failures[0];
  if (failure !== undefined) throw failure;
  const checksums = handles.map((handle, i) => {
    if (handle.outcome?.state !== 'done') throw new Error(`task "${tasks[i]}" did not finish (${handle.outcome?.state ?? 'still running'})`);
    return handle.outcome.value.checksum;
  });
  return { checksums, trace: report.trace };
}
