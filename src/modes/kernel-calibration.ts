import { sharedNow } from '../scheduler/index.ts';
import { cpuKernel } from '../workload/cpu-kernel.ts';

/** Kernel units in one calibration block: a couple of milliseconds, long enough to time, short beside a run. */
export const CALIBRATION_UNITS = 256;

/**
 * Times a block of kernel units in place, on the calling thread, and returns µs per unit. Timed
 * units, not step records, so the figure holds whether steps are recorded or not. The result is
 * folded into the return so that the optimiser cannot drop the work.
 */
export function kernelUsPerUnit(units = CALIBRATION_UNITS): number {
  const start = sharedNow();
  const result = cpuKernel(units, units);
  const us = ((sharedNow() - start) * 1000) / units;
  return result === 0x7fffffff ? us + Number.MIN_VALUE : us;
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
