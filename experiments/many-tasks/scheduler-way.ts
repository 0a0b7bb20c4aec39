import { checksumsOf, spawnTasks } from '../../src/runtime/scheduled-tasks.ts';
import { Scheduler, sharedNow, type Task, type TaskHandle } from '../../src/scheduler/index.ts';
import type { TaskOutput } from '../../src/workload/build.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import { foldChecksums } from './workload.ts';

/** A run of the workload's tasks failed or was aborted. */
export class ManyTasksRunError extends Error {
  override name = 'ManyTasksRunError';
}

/**
 * Spawns every task of the workload on one scheduler (round-robin, as the interleaved mode, with
 * step recording off) and returns it with the handles, not yet run. `lastly`, when given, is
 * spawned after all of them: under round-robin its first step comes after every task's first.
 * The tasks are spawned from their specs, as the interleaved mode spawns them: nothing is looked up by name.
 */
export function spawnWorkload(workload: WorkloadSpec, signal?: AbortSignal, lastly?: Task<void>): { scheduler: Scheduler; handles: TaskHandle<TaskOutput>[] } {
  const scheduler = new Scheduler({ policy: 'round-robin', trace: false, clock: sharedNow, failFast: true, ...(signal && { signal }) });
  const handles = spawnTasks(scheduler, workload, workload.tasks);
  if (lastly !== undefined) scheduler.spawn('lastly', lastly);
  return { scheduler, handles };
}

/** Runs every task of the workload on the lab's scheduler, untraced; resolves to their checksums folded in task order. */
export async function runWorkloadOnScheduler(workload: WorkloadSpec, signal?: AbortSignal): Promise<number> {
  const { scheduler, handles } = spawnWorkload(workload, signal);
  const report = await scheduler.run();
  let checksums: number[];
  try {
    checksums = checksumsOf(report, handles);
  } catch (failure) {
    throw new ManyTasksRunError(`the scheduler's run of ${handles.length} tasks failed: ${String(failure)}`, { cause: failure });
  }
  return foldChecksums(checksums);
}
