import type { ReadCpu } from '../../src/measure/foreign-cpu.ts';
import type { ProcCpuReading } from '../../src/runtime/proc-stat.ts';

/** /proc/stat's text for CPUs given as [user, nice, system, idle, iowait, irq, softirq, steal, guest, guest_nice] ticks, the `cpu` total line first. */
export function procStat(...cpus: readonly (readonly number[])[]): string {
  const total = cpus.reduce<number[]>((sum, cpu) => sum.map((v, i) => v + (cpu[i] ?? 0)), Array.from({ length: 10 }, () => 0));
  return [`cpu  ${total.join(' ')}`, ...cpus.map((cpu, i) => `cpu${i} ${cpu.join(' ')}`), 'intr 1 0 0', 'ctxt 100', 'btime 1700000000', 'processes 5', 'procs_running 1', 'procs_blocked 0', ''].join('\n');
}

/**
 * A machine of 2 CPUs on which every reading is one second (100 ticks a CPU) after the one before:
 * the lab's tree uses `labCores` and other programs `foreignCores` of it, on average.
 */
export function steadyCpu({ labCores = 0.5, foreignCores = 0 }: { readonly labCores?: number; readonly foreignCores?: number } = {}): ReadCpu {
  let seconds = 0;
  return (): ProcCpuReading => {
    const busyEach = ((labCores + foreignCores) * 100 * seconds) / 2;
    const cpu = [busyEach, 0, 0, 100 * seconds - busyEach, 0, 0, 0, 0, 0, 0];
    const reading = { stat: procStat(cpu, cpu), allowedCpus: '0-1', treeTicks: labCores * 100 * seconds };
    seconds++;
    return reading;
  };
}

/** A machine with no /proc/stat. */
export const noProcStat: ReadCpu = () => undefined;
