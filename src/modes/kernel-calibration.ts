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
