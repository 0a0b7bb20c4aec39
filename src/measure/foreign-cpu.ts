import type { ProcCpuReading } from '../runtime/proc-stat.ts';

/**
 * Above this many cores of other programs' CPU, averaged over a run, the run counts as disturbed:
 * parallel figures then understate what the threads can do on an idle machine.
 */
export const DISTURBED_FROM_CORES = 0.25;

/**
 * Rounds shorter than this get no foreign-CPU figure of their own: /proc/stat counts in ticks of
 * 10 ms on every CPU, so a shorter round's figure would be mostly rounding.
 */
export const FOREIGN_CPU_MIN_ROUND_MS = 500;

/** A reading of the machine's and the lab's CPU, or `undefined` where the system does not say (no /proc/stat). */
export type ReadCpu = () => ProcCpuReading | undefined;

/** One CPU's time in ticks: busy (running anything) and in all (busy, idle and waiting on I/O). */
export interface CpuTicks {
  readonly busy: number;
  readonly total: number;
}

/**
 * The `cpuN` lines of /proc/stat, by CPU number. Busy is user + nice + system + irq + softirq +
 * steal: steal is time the hypervisor gave this CPU to another guest, so time another program
 * took from the lab. Idle and iowait are not busy (a CPU waiting on I/O could run a thread).
 * guest and guest_nice are left out: the kernel already counts them in user and nice.
 */
export function cpuTicksOf(stat: string): Map<number, CpuTicks> {
  const cpus = new Map<number, CpuTicks>();
  for (const line of stat.split('\n')) {
    const match = /^cpu(\d+)\s+(.*)$/.exec(line);
    if (match === null) continue;
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = match[2]!.trim().split(/\s+/).map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    if (Number.isFinite(busy + idle + iowait)) cpus.set(Number(match[1]), { busy, total: busy + idle + iowait });
  }
  return cpus;
}

/** The CPU numbers of a list such as `0-3,8,10-11` (the kernel's format for affinity masks), or `undefined` when it is not one. */
export function cpuListOf(list: string): Set<number> | undefined {
  const cpus = new Set<number>();
  for (const part of list.trim().split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (match === null) return undefined;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    for (let cpu = from; cpu <= to; cpu++) cpus.add(cpu);
  }
  return cpus;
}

/**
 * The CPU other programs used between two readings, in cores (CPU seconds per second of wall time):
 * the busy ticks of the CPUs the lab may use, less the ticks of the lab's own process tree, over the
 * wall time in ticks. Only CPUs online in both readings and in the lab's affinity mask count (Node
 * has no sched_getaffinity; /proc/self/status gives the mask; without it every online CPU counts).
 * The wall time is the mean of those CPUs' total ticks, so no tick rate is assumed. Tick rounding can
 * make the tree's ticks exceed the machine's busy ones by a few: the figure never goes below 0.
 * `null` when no CPU is counted or no tick passed.
 */
export function foreignCpuCores(before: ProcCpuReading, after: ProcCpuReading): number | null {
  const start = cpuTicksOf(before.stat);
  const end = cpuTicksOf(after.stat);
  const allowed = cpuListOf(after.allowedCpus ?? before.allowedCpus ?? '');
  const counted = [...end.keys()].filter((cpu) => start.has(cpu) && (allowed === undefined || allowed.has(cpu)));
  let busy = 0;
  let total = 0;
  for (const cpu of counted) {
    busy += end.get(cpu)!.busy - start.get(cpu)!.busy;
    total += end.get(cpu)!.total - start.get(cpu)!.total;
  }
  const wallTicks = total / counted.length;
  if (counted.length === 0 || !(wallTicks > 0)) return null;
  const foreign = Math.max(0, busy - (after.treeTicks - before.treeTicks)) / wallTicks;
  return Math.round(foreign * 1000) / 1000;
}

/** Measures from now: the returned function gives the foreign CPU since, in cores, or `null` where the system does not say. */
export function foreignCpuSince(read: ReadCpu): () => number | null {
  const before = read();
  return () => {
    const after = before === undefined ? undefined : read();
    return before === undefined || after === undefined ? null : foreignCpuCores(before, after);
  };
}

/** More CPU of other programs than `DISTURBED_FROM_CORES`: the run, or a row's rounds, were disturbed. */
export function isDisturbed(cores: number | null | undefined): boolean {
  return typeof cores === 'number' && cores > DISTURBED_FROM_CORES;
}

/**
 * Other programs' CPU over each run of a subject, kept only for runs of FOREIGN_CPU_MIN_ROUND_MS or
 * more (/proc/stat counts in 10 ms ticks). The reading starts before `run` (so no read of /proc falls
 * between a wake and the timed run inside it) and is skipped for a subject whose last run was too
 * short to tell, so that tiny runs are not slowed by reads they cannot use (one costs a few ms).
 */
export function foreignCpuPerRun<K, R extends { readonly wallMs: number }>(read: ReadCpu | undefined): (subject: K, run: () => Promise<R>) => Promise<R & { readonly foreignCpuCores: number | null }> {
  const lastWallMs = new Map<K, number>();
  return async (subject, run) => {
    const previous = lastWallMs.get(subject);
    const since = read !== undefined && (previous === undefined || previous >= FOREIGN_CPU_MIN_ROUND_MS / 2) ? foreignCpuSince(read) : undefined;
    const ran = await run();
    lastWallMs.set(subject, ran.wallMs);
    return { ...ran, foreignCpuCores: since !== undefined && ran.wallMs >= FOREIGN_CPU_MIN_ROUND_MS ? since() : null };
  };
}
