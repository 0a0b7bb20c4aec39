import { checksumOfText, cpuKernel, foldChecksum } from '../../src/workload/cpu-kernel.ts';
import { DEFAULT_SLICE_UNITS, type TaskSpec, type WorkloadSpec } from '../../src/workload/spec.ts';
import { foldChecksums } from './workload.ts';

/** A part the async reference cannot run: it knows only timer waits and CPU work, the many-tasks workload's parts. */
export class UnsupportedPartError extends Error {
  override name = 'UnsupportedPartError';
}

const timerWait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One task spec as a plain async function on Node's own event loop: the reference the lab's
 * scheduler is held against. It folds the same checksum as the generator built from the spec
 * (name, then each wait's length, then the kernel chained slice by slice).
 */
export async function runSpecAsync(spec: TaskSpec): Promise<number> {
  let checksum = checksumOfText(spec.name);
  for (const part of spec.parts) {
    if (part.kind === 'wait') {
      await timerWait(part.ms);
      checksum = foldChecksum(checksum, part.ms);
    } else if (part.kind === 'cpu') {
      const slice = part.sliceUnits ?? DEFAULT_SLICE_UNITS;
      for (let left = part.units; left > 0; left -= slice) checksum = cpuKernel(Math.min(slice, left), checksum);
    } else {
      throw new UnsupportedPartError(`the async reference runs only wait and cpu parts; task "${spec.name}" has a ${part.kind} part`);
    }
  }
  return checksum;
}

/** Every task of the workload started at once as an async function; resolves to their checksums folded in task order. */
export async function runWorkloadAsync(workload: WorkloadSpec): Promise<number> {
  const tasks = workload.tasks;
  const running = new Array<Promise<number>>(tasks.length);
  for (let i = 0; i < tasks.length; i++) running[i] = runSpecAsync(tasks[i]!);
  return foldChecksums(await Promise.all(running));
}
