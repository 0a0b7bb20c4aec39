import type { MachineInfo } from '../measure/machine.ts';

/** One line that says which machine produced the numbers. */
export function machineLine(machine: MachineInfo): string {
  const load = machine.loadAverage.map((x) => x.toFixed(2)).join(' ');
  return (
    `machine: ${machine.cpuModel}, ${machine.logicalCores} logical cores ` +
    `(availableParallelism ${machine.availableParallelism}), ${machine.memoryGiB} GiB, ${machine.os}, ` +
    `Node ${machine.node} (V8 ${machine.v8}), piscina ${machine.piscina}, lab ${machine.labCommit ?? 'not a git checkout'}; ` +
    `load before the run ${load}; ${machine.date}`
  );
}
