import { part, sleep, type Task } from '../scheduler/index.ts';
import { blockThread } from './block.ts';
import { checksumOfText, cpuKernel, foldChecksum } from './cpu-kernel.ts';
import { runFault, type EndThread } from './fault.ts';
import { DEFAULT_SLICE_UNITS, type TaskSpec, type WorkloadSpec } from './spec.ts';
import { taskIndex } from './task-index.ts';

/** What a workload task returns: a checksum over everything it did, identical in every mode. */
export interface TaskOutput {
  readonly checksum: number;
}

/** Where a task runs; only fault parts care. */
export interface TaskEnvironment {
  /** Given by a worker thread's entry, so a fault part can end that thread; absent on the lab's own thread. */
  readonly endThread?: EndThread;
}

/** Rebuilds the named task of a workload as a generator, in whichever thread calls it. */
export function buildTask(workload: WorkloadSpec, taskName: string, env: TaskEnvironment = {}): Task<TaskOutput> {
  const byName = taskIndex(workload);
  const spec = byName.get(taskName);
  if (spec === undefined) throw new RangeError(`workload "${workload.name}" has no task "${taskName}"`);
  return runTask(spec, workload, env);
}

/**
 * The task of `spec` as a generator, without looking anything up by name until a delegate part
 * needs it: the lab's own thread builds each task from its spec, so a million-task workload
 * is never indexed by name.
 */
export function buildTaskOf(workload: WorkloadSpec, spec: TaskSpec, env: TaskEnvironment = {}): Task<TaskOutput> {
  return runTask(spec, workload, env);
}

/** Where the walk through a task and its delegates was before a delegate part. */
interface Frame {
  readonly spec: TaskSpec;
  readonly next: number;
}

/**
 * One generator per task, its running checksum a local that lives across every suspend and resume.
 * Delegates are expanded on a stack of our own, not by nested `yield*`: every resume of nested
 * generators passes through all of them, and a chain of thousands overflows the call stack.
 * The stack exists only once a delegate part is met: a million plain tasks allocate none.
 */
function* runTask(root: TaskSpec, workload: WorkloadSpec, env: TaskEnvironment): Task<TaskOutput> {
  // Seeding with the name gives every task its own checksum, so a mix-up between tasks shows.
  let checksum = checksumOfText(root.name);
  let spec = root;
  let next = 0;
  let outer: Frame[] | undefined;
  for (;;) {
    const index = next++;
    const p = spec.parts[index];
    if (p === undefined) {
      const frame = outer?.pop();
      if (frame === undefined) break;
      spec = frame.spec;
      next = frame.next;
      continue;
    }
    if (p.kind === 'delegate') {
      (outer ??= []).push({ spec, next });
      spec = taskIndex(workload).get(p.task)!;
      next = 0;
      continue;
    }
    yield part(p.label ?? `${spec.name}.${index + 1}`);
    switch (p.kind) {
      case 'cpu': {
        const slice = p.sliceUnits ?? DEFAULT_SLICE_UNITS;
        for (let left = p.units; left > 0; left -= slice) {
          // Chaining the kernel's seed makes the result independent of how the work is sliced.
          checksum = cpuKernel(Math.min(slice, left), checksum);
          yield;
        }
        break;
      }
      case 'wait':
        yield sleep(p.ms);
        checksum = foldChecksum(checksum, p.ms);
        break;
      case 'block':
        blockThread(p.ms);
        checksum = foldChecksum(checksum, p.ms);
        yield;
        break;
      case 'fault':
        yield* runFault(p, env.endThread);
        break;
    }
  }
  return { checksum };
}
