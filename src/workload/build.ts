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

function* runParts(spec: TaskSpec, byName: ReadonlyMap<string, TaskSpec>, state: TaskState, env: TaskEnvironment): Generator<Yielded, void, unknown> {
  for (const [index, p] of spec.parts.entries()) {
    if (p.kind === 'delegate') {
      yield* runParts(byName.get(p.task)!, byName, state, env);
      continue;
    }
    yield part(p.label ?? `${spec.name}.${index + 1}`);
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
