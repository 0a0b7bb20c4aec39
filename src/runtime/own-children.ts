import { readdirSync, readFileSync } from 'node:fs';

/** A process of the process table: its id, its parent's and its process group's. */
interface ProcessIds {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
}

/** Reads `/proc/PID/stat` (its command name, in parentheses, may hold spaces and parentheses itself). */
function idsOf(pid: number): ProcessIds | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [, ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(ppid), pgid: Number(pgid) };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** The processes this process started and that still run (from /proc; none where there is no /proc). */
export function ownChildren(parent: number = process.pid): ProcessIds[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries.flatMap((name) => (/^\d+$/.test(name) ? [idsOf(Number(name))].filter((p): p is ProcessIds => p?.ppid === parent) : []));
}

/**
 * Kills, at once, every process this process started that still runs, with the process group of each
 * that leads its own group (what it started in turn): for a lab that has to leave now, when the
 * orderly stop of its pools, workers and servers ran out of time.
 */
export function killOwnChildren(): number {
  const children = ownChildren();
  for (const { pid, pgid } of children) {
    for (const target of pgid === pid ? [-pid, pid] : [pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  return children.length;
}
