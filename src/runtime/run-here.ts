import { Scheduler, sharedNow, type PolicyName, type StepRecorder, type RecordedSteps } from '../scheduler/index.ts';
import type { EndThread } from '../workload/fault.ts';
import type { TaskSpec, WorkloadSpec } from '../workload/spec.ts';
import { checksumsOf, spawnTasks } from './scheduled-tasks.ts';

/** What running some tasks of a workload here gave: their checksums in request order, and their steps when recorded. */
export interface RanHere {
  readonly checksums: number[];
  readonly trace: RecordedSteps | undefined;
}

/**
 * Rebuilds the given tasks of a workload from their specs and runs them in this process or thread
 * under one scheduler on the shared clock (`spawnTasks`, `checksumsOf`): the parallel and hybrid
 * modes' worker threads, the processes mode's forked processes and the queue's job runners all run
 * their tasks through here, so that they rebuild the same generators and report the same checksums.
 * `tasks`: specs where the caller already holds them (nothing is looked up), or names, each found in
 * the workload. `steps`: true records a trace of its own, a recorder records into it, false records
 * nothing. `endThread`: how the `exit` and `exhaust-memory` faults end this thread or process.
 */
export async function runTasksHere(
  workload: WorkloadSpec,
  tasks: readonly TaskSpec[] | readonly string[],
  policy: PolicyName,
  steps: boolean | StepRecorder,
  endThread: EndThread,
): Promise<RanHere> {
  const scheduler = new Scheduler({ policy, clock: sharedNow, ...(steps === true ? { trace: true } : steps === false ? {} : { recorder: steps }) });
  const handles = spawnTasks(scheduler, workload, tasks, { endThread });
  const report = await scheduler.run();
  return { checksums: checksumsOf(report, handles), trace: report.trace };
}
