import type { MachineInfo } from '../measure/machine.ts';

/** One line that says which machine produced the numbers. */
export function machineLine(machine: MachineInfo): string {
  return (
    `machine: ${machine.cpuModel}, ${machine.logicalCores} logical cores ` +
    `(availableParallelism ${machine.availableParallelism}), ${machine.memoryGiB} GiB, ` +
    `${machine.platform}, Node ${machine.node} (V8 ${machine.v8})`
  );
}
