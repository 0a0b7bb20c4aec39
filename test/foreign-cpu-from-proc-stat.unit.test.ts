import { describe, expect, it } from 'vitest';
import { cpuListOf, cpuTicksOf, foreignCpuCores, foreignCpuSince, isDisturbed } from '../src/measure/foreign-cpu.ts';
import { parseProcessStat } from '../src/runtime/proc-stat.ts';
import { noProcStat, procStat, steadyCpu } from './helpers/cpu-readings.ts';

// Other programs' CPU is the busy ticks of the CPUs the lab may use, less the lab's own tree, over
// the wall time: checked on /proc/stat text written by hand.

//                      user nice system idle iowait irq softirq steal guest guest_nice
const start = [1000, 10, 200, 5000, 50, 5, 5, 0, 0, 0];

describe('cpuTicksOf', () => {
  it('counts user, nice, system, irq, softirq and steal as busy; idle and iowait only in the total; guest not twice', () => {
    const ticks = cpuTicksOf(procStat([10, 20, 30, 400, 500, 6, 7, 8, 1000, 2000]));
    expect(ticks).toEqual(new Map([[0, { busy: 10 + 20 + 30 + 6 + 7 + 8, total: 10 + 20 + 30 + 6 + 7 + 8 + 400 + 500 }]]));
  });

  it('reads only the cpuN lines, not the machine-wide cpu line, and takes kernels that write fewer fields', () => {
    const ticks = cpuTicksOf('cpu  9 9 9 9\ncpu3 1 2 3 4\ncpu12 1 1 1 1 1 1 1\nintr 5\n');
    expect([...ticks.keys()]).toEqual([3, 12]);
    expect(ticks.get(3)).toEqual({ busy: 6, total: 10 });
  });
});

describe('cpuListOf', () => {
  it('reads the kernel list format, ranges and single CPUs', () => {
    expect(cpuListOf('0-2,5,7-8')).toEqual(new Set([0, 1, 2, 5, 7, 8]));
    expect(cpuListOf('3\n')).toEqual(new Set([3]));
  });

  it('is undefined for anything else, so that every online CPU counts', () => {
    for (const bad of ['', 'ff', '0-', '1,,2']) expect(cpuListOf(bad)).toBeUndefined();
  });
});

describe('foreignCpuCores', () => {
  const after = (add: readonly number[]): number[] => start.map((v, i) => v + (add[i] ?? 0));

  it('takes the lab tree out of the busy ticks and divides by the wall time in ticks', () => {
    // One second on 2 CPUs: 100 ticks each. Busy 60 + 90 = 150 ticks, 70 of them the lab's: 0.8 of a core.
    const before = { stat: procStat(start, start), allowedCpus: '0-1', treeTicks: 500 };
    const later = { stat: procStat(after([50, 0, 10, 40]), after([80, 0, 5, 0, 10, 0, 5])), allowedCpus: '0-1', treeTicks: 570 };
    expect(foreignCpuCores(before, later)).toBe(0.8);
  });

  it('counts steal as another program, and a CPU waiting on I/O as free', () => {
    const before = { stat: procStat(start), treeTicks: 0 };
    expect(foreignCpuCores(before, { stat: procStat(after([0, 0, 0, 50, 0, 0, 0, 50])), treeTicks: 0 })).toBe(0.5);
    expect(foreignCpuCores(before, { stat: procStat(after([0, 0, 0, 50, 50])), treeTicks: 0 })).toBe(0);
  });

  it('counts only the CPUs in the affinity mask', () => {
    const busy = after([100]);
    const before = { stat: procStat(start, start, start), allowedCpus: '0,2', treeTicks: 0 };
    // CPU 1 (not the lab's) ran flat out; CPUs 0 and 2 were idle for the second.
    expect(foreignCpuCores(before, { stat: procStat(after([0, 0, 0, 100]), busy, after([0, 0, 0, 100])), allowedCpus: '0,2', treeTicks: 0 })).toBe(0);
    // Without a mask, every online CPU counts.
    expect(foreignCpuCores({ stat: procStat(start, start, start), treeTicks: 0 }, { stat: procStat(after([0, 0, 0, 100]), busy, after([0, 0, 0, 100])), treeTicks: 0 })).toBe(1);
  });

  it('skips a CPU that went offline or came online between the readings', () => {
    const before = { stat: procStat(start, start), treeTicks: 0 };
    const later = { stat: procStat(after([30, 0, 0, 70])), treeTicks: 0 };
    expect(foreignCpuCores(before, later)).toBe(0.3);
  });

  it('never goes below 0 when tick rounding gives the lab more than the machine', () => {
    const before = { stat: procStat(start, start), treeTicks: 0 };
    expect(foreignCpuCores(before, { stat: procStat(after([10, 0, 0, 90]), after([0, 0, 0, 100])), treeTicks: 12 })).toBe(0);
  });

  it('is null when no tick passed or no CPU is counted', () => {
    const before = { stat: procStat(start, start), treeTicks: 0 };
    expect(foreignCpuCores(before, before)).toBeNull();
    expect(foreignCpuCores(before, { stat: procStat(after([0, 0, 0, 100])), allowedCpus: '1', treeTicks: 0 })).toBeNull();
    expect(foreignCpuCores({ stat: 'intr 1\n', treeTicks: 0 }, { stat: 'intr 2\n', treeTicks: 0 })).toBeNull();
  });
});

describe('foreignCpuSince', () => {
  it('reads at the start and at the end', () => {
    expect(foreignCpuSince(steadyCpu({ labCores: 1.2, foreignCores: 0.6 }))()).toBe(0.6);
    expect(foreignCpuSince(steadyCpu({ labCores: 2 }))()).toBe(0);
  });

  it('is null where the system does not say, and does not read again', () => {
    let reads = 0;
    const since = foreignCpuSince(() => {
      reads++;
      return noProcStat();
    });
    expect(since()).toBeNull();
    expect(reads).toBe(1);
  });
});

describe('isDisturbed', () => {
  it('is true only above 0.25 of a core', () => {
    expect([null, undefined, 0, 0.25, 0.251, 1].map(isDisturbed)).toEqual([false, false, false, false, true, true]);
  });
});

describe('parseProcessStat', () => {
  it('reads the parent and utime + stime + cutime + cstime after a name holding spaces and parentheses', () => {
    const text = '4242 (node (worker) x) S 17 4242 17 0 -1 4194560 900 0 0 0 150 25 7 3 20 0 11 0 12345 1000000 5000 18446744073709551615\n';
    expect(parseProcessStat(text)).toEqual({ ppid: 17, ticks: 150 + 25 + 7 + 3 });
  });

  it('is undefined for text that is not a stat line', () => {
    expect(parseProcessStat('')).toBeUndefined();
    expect(parseProcessStat('1 (x) S')).toBeUndefined();
  });
});
