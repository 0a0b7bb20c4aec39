import { readdirSync, readFileSync } from 'node:fs';

/**
 * What the kernel says, at one moment, about the CPU time spent on this machine and by the lab:
 * the raw text of /proc/stat, the CPUs the lab may run on, and the CPU of the lab's process tree,
 * in the clock ticks /proc counts in. `foreignCpuCores` (measure/foreign-cpu.ts) turns two readings into cores.
 */
export interface ProcCpuReading {
  /** The text of /proc/stat (its `cpuN` lines count each online CPU's time by kind, in ticks). */
  readonly stat: string;
  /** The lab's affinity mask as /proc/self/status writes it (`Cpus_allowed_list`, e.g. `0-1,4`), when it says. */
  readonly allowedCpus?: string;
  /**
   * CPU ticks of the lab's process tree: the lab process (every thread: worker threads included) and
   * every live descendant (try's runner, process-mode children, queue workers, a private
   * redis-server, load clients), each with the ticks of the children it has reaped. A child that
   * exits between two readings is counted in its parent's reaped ticks once the parent waits for it
   * (Node does at once); only a descendant whose parent ended without waiting for it is lost.
   */
  readonly treeTicks: number;
}

/** Reads the machine's and the lab's CPU now, or `undefined` where /proc/stat cannot be read (not Linux, or /proc not mounted). */
export function readProcCpu(): ProcCpuReading | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return undefined;
  }
  const allowedCpus = allowedCpuList();
  return { stat, ...(allowedCpus !== undefined && { allowedCpus }), treeTicks: treeTicks(process.pid) };
}

function allowedCpuList(): string | undefined {
  try {
    return /^Cpus_allowed_list:\s*(\S+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

/** One process as /proc/PID/stat gives it: its parent, and its own and its reaped children's ticks. */
interface ProcessTicks {
  readonly ppid: number;
  readonly ticks: number;
}

/**
 * The ticks of `root` and all its descendants. The kernel lists children per thread only where it
 * was built with CONFIG_PROC_CHILDREN (not everywhere), so the tree is found by scanning every
 * process's parent: about a hundred small reads on a quiet machine.
 */
function treeTicks(root: number): number {
  const processes = new Map<number, ProcessTicks>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const found = processTicks(entry);
    if (found !== undefined) processes.set(Number(entry), found);
  }
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of processes) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const stack = [root];
  for (let pid = stack.pop(); pid !== undefined; pid = stack.pop()) {
    total += processes.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** utime + stime + cutime + cstime of one process, or `undefined` when it ended before it was read. */
function processTicks(pid: string): ProcessTicks | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  return parseProcessStat(text);
}

/** Reads /proc/PID/stat's text: the command name (in parentheses, which it may itself contain) is skipped up to its last `)`. */
export function parseProcessStat(text: string): ProcessTicks | undefined {
  // After the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const numbers = [1, 11, 12, 13, 14].map((i) => Number(fields[i]));
  if (!numbers.every(Number.isFinite)) return undefined;
  const [ppid, utime, stime, cutime, cstime] = numbers as [number, number, number, number, number];
  return { ppid, ticks: utime + stime + cutime + cstime };
}
