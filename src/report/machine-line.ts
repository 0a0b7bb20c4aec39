import type { MachineInfo } from '../measure/machine.ts';
import { foreignCpuText } from './foreign-cpu-notes.ts';

/** One line that says which machine produced the numbers, and how busy other programs kept it during the run (`ExperimentResult.foreignCpuCores`). */
export function machineLine(machine: MachineInfo, foreignCpuCores: number | null | undefined): string {
  const load = machine.loadAverage.map((x) => x.toFixed(2)).join(' ');
  return (
    `machine: ${machine.cpuModel}, ${machine.logicalCores} logical cores ` +
    `(availableParallelism ${machine.availableParallelism}), ${machine.memoryGiB} GiB, ${machine.os}, ` +
    `Node ${machine.node} (V8 ${machine.v8}), piscina ${machine.piscina}, lab ${machine.labCommit ?? 'not a git checkout'}; ` +
    `load before the run ${load}; ${foreignCpuText(foreignCpuCores)}; ${machine.date}`
  );
}
