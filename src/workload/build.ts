import { part, sleep, type Task, type Yielded } from '../scheduler/index.ts';
import { blockThread } from './block.ts';
import { checksumOfText, cpuKernel, foldChecksum } from './cpu-kernel.ts';
import { runFault, type EndThread } from './fault.ts';
import { DEFAULT_SLICE_UNITS, type TaskSpec, type WorkloadSpec } from './spec.ts';
import { taskIndex } from './task-index.ts';

/** What a workload task returns: a checksum over everything it did, identical in every mode. */
export interface TaskOutput {
  readonly checksum: number;
}

/** The task's running state; it lives across every suspend and resume of the generator. */
interface TaskState {
  checksum: number;
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
  return runTask(spec, byName, env);
}

function* runTask(spec: TaskSpec, byName: ReadonlyMap<string, TaskSpec>, env: TaskEnvironment): Task<TaskOutput> {
  // Seeding with the name gives every task its own checksum, so a mix-up between tasks shows.
  const state: TaskState = { checksum: checksumOfText(spec.name) };
  yield* runParts(spec, byName, state, env);
  return { checksum: state.checksum };
}

/** Where the walk through a task and its delegates is: which task, which part next. */
interface Frame {
  readonly spec: TaskSpec;
  next: number;
}

function* runParts(root: TaskSpec, byName: ReadonlyMap<string, TaskSpec>, state: TaskState, env: TaskEnvironment): Generator<Yielded, void, unknown> {
  // Delegates are expanded on a stack of our own, not by nested `yield*`: every resume of nested
  // generators passes through all of them, and a chain of thousands overflows the call stack.
  const stack: Frame[] = [{ spec: root, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const index = frame.next++;
    const p = frame.spec.parts[index];
    if (p === undefined) {
      stack.pop();
      continue;
    }
    if (p.kind === 'delegate') {
      stack.push({ spec: byName.get(p.task)!, next: 0 });
      continue;
    }
    yield part(p.label ?? `${frame.spec.name}.${index + 1}`);
    switch (p.kind) {
      case 'cpu': {
        const slice = p.sliceUnits ?? DEFAULT_SLICE_UNITS;
        for (let left = p.units; left > 0; left -= slice) {
          // Chaining the kernel's seed makes the result independent of how the work is sliced.
          state.checksum = cpuKernel(Math.min(slice, left), state.checksum);
          yield;
        }
        break;
      }
      case 'wait':
        yield sleep(p.ms);
        state.checksum = foldChecksum(state.checksum, p.ms);
        break;
      case 'block':
        blockThread(p.ms);
        state.checksum = foldChecksum(state.checksum, p.ms);
        yield;
        break;
      case 'fault':
        yield* runFault(p, env.endThread);
        break;
    }
  }
}
