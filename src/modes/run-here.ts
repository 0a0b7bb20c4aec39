import { Scheduler, sharedNow, type PolicyName, type StepRecorder, type RecordedSteps } from '../scheduler/index.ts';
import type { EndThread } from '../workload/fault.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { checksumsOf, spawnTasks } from './scheduled-tasks.ts';

/** What running some tasks of a workload here gave: their checksums in request order, and their steps when recorded. */
export interface RanHere {
  readonly checksums: number[];
  readonly trace: RecordedSteps | undefined;
}

/**
 * Rebuilds the named tasks of a workload from its spec and runs them in this process under one
 * scheduler on the shared clock, as a worker thread does (`spawnTasks`, `checksumsOf`): the
 * processes mode's forked processes run their tasks through here, so that they rebuild the same
 * generators and report the same checksums as every other mode. `steps`: true records a trace
 * of its own, a recorder records into it, false records nothing.
 */
export async function runTasksHere(
  workload: WorkloadSpec,
  tasks: readonly string[],
  policy: PolicyName,
  steps: boolean | StepRecorder,
  endThread: EndThread,
): Promise<RanHere> {
  const scheduler = new Scheduler({ policy, clock: sharedNow, ...(steps === true ? { trace: true } : steps === false ? {} : { recorder: steps }) });
  const handles = spawnTasks(scheduler, workload, tasks, { endThread });
  const report = await scheduler.run();
  return { checksums: checksumsOf(report, handles), trace: report.trace };
}
