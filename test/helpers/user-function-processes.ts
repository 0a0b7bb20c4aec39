import { readdirSync, readFileSync } from 'node:fs';

/** Every process whose command line holds `marker` as one argument, as "pid args", from /proc. */
export function processesWithArgument(marker: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // ended while we looked
    }
    if (args.includes(marker)) found.push(`${entry} ${args.join(' ').trim()}`);
  }
  return found;
}

/** Waits (a guard, not a timing claim) until no process has `marker` as an argument; returns those left. */
export async function leftWithArgument(marker: string, ms = 5_000): Promise<string[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = processesWithArgument(marker);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The runner children of `try` started by this (test) process still alive, as "pid args", after waiting up to `ms` (a guard). */
export async function runnersLeft(ms = 5_000): Promise<string[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = childrenOf(process.pid)
      .filter((p) => p.args.includes('runner-child'))
      .map((p) => `${p.pid} ${p.args}`);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The processes whose parent is `parent`, from /proc. */
export function childrenOf(parent: number): { pid: number; args: string }[] {
  const found: { pid: number; args: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) found.push({ pid: Number(entry), args: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ') });
    } catch {
      // ended while we looked
    }
  }
  return found;
}
