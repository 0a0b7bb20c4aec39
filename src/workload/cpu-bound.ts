import type { WorkloadSpec } from './spec.ts';

/**
 * True when no task of the workload waits or blocks: its run time is CPU work alone, so one
 * thread cannot gain by interleaving it and n threads cannot beat n cores. Delegated parts
 * name other tasks of the same workload, whose parts are checked here too.
 */
export function isCpuBoundWorkload(workload: WorkloadSpec): boolean {
  return workload.tasks.every((task) => task.parts.every((part) => part.kind !== 'wait' && part.kind !== 'block'));
}
