import { sharedNow } from '../scheduler/index.ts';
import { buildTaskOf } from '../workload/build.ts';
import type { WorkloadSpec } from '../workload/spec.ts';

/** Kernel units in one calibration block: a couple of milliseconds, long enough to time, short beside a run. */
export const CALIBRATION_UNITS = 256;

/**
 * Times a block of kernel units in place, on the calling thread, and returns µs per unit. The units
 * run as a task built from its spec, the code path every mode runs, and not as a bare kernel call:
 * a slowdown of that path on one thread (the optimiser once made it 2x slower on the lab's thread
 * only) then shows in the calibration instead of passing for load. Timed units, not step records, so
 * the figure holds whether steps are recorded or not. The checksum is folded into the return so that
 * the optimiser cannot drop the work.
 */
export function kernelUsPerUnit(units = CALIBRATION_UNITS): number {
  const workload: WorkloadSpec = { name: 'calibration', tasks: [{ name: 'calibration', parts: [{ kind: 'cpu', units }] }] };
  const task = buildTaskOf(workload, workload.tasks[0]!);
  const start = sharedNow();
  // Only cpu parts: nothing the task yields needs an answer, so it runs to the end without a scheduler.
  let step = task.next();
  while (step.done !== true) step = task.next();
  const us = ((sharedNow() - start) * 1000) / units;
  return step.value.checksum === 0x7fffffff ? us + Number.MIN_VALUE : us;
}

/**
 * The middle of the threads' calibrations (the mean of the middle two for an even count): one
 * figure for a pool whose threads each timed a block. Modes sit below `measure/`, whose statistics
 * they cannot import, so this one reduction lives here.
 */
export function middleCalibration(perThreadUsPerUnit: readonly number[]): number {
  const sorted = [...perThreadUsPerUnit].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A calibration taken warm, on the calling thread: five untimed blocks so that the optimiser has
 * compiled the task path, then the middle of seven timed ones.
 */
export function warmKernelUsPerUnit(): number {
  for (let i = 0; i < 5; i++) kernelUsPerUnit();
  return middleCalibration(Array.from({ length: 7 }, () => kernelUsPerUnit()));
}
