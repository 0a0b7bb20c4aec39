import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { processExists } from '../../src/runtime/process-exists.ts';

/** A process from the process table: its id and its command line. */
export type ProcessEntry = { pid: number; args: string };

type TableRow = { pid: number; ppid: number; args: string };

/**
 * The process table from /proc, where there is one: tests poll it every 100 ms while a lab runs, and a
 * `ps` started each time cost a fork of the test runner's large process (3.7 s of CPU in one file).
 * A process that has exited but is not yet reaped reads as "<defunct>", as ps shows it.
 */
function procTable(): TableRow[] {
  const rows: TableRow[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const [state, ppid] = stat.slice(close + 2).split(' ');
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0+$/, '').split('\0').join(' ');
      const comm = `[${stat.slice(stat.indexOf('(') + 1, close)}]`;
      const args = state === 'Z' ? `${comm} <defunct>` : cmdline === '' ? comm : cmdline;
      rows.push({ pid: Number(name), ppid: Number(ppid), args });
    } catch {
      // gone between the listing and the read
    }
  }
  return rows;
}

function psTable(): TableRow[] {
  return execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => {
      const [pid, ppid, ...args] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), args: args.join(' ') };
    });
}

const hasProc = existsSync('/proc/self/stat');

/** Every process descended from `root`, with its command line, from the process table. */
export function descendants(root: number): ProcessEntry[] {
  const table = hasProc ? procTable() : psTable();
  const found: ProcessEntry[] = [];
  const parents = [root];
  while (parents.length > 0) {
    const parent = parents.pop()!;
    for (const p of table) if (p.ppid === parent) (found.push({ pid: p.pid, args: p.args }), parents.push(p.pid));
  }
  return found;
}

/**
 * A reader of the processes this process starts from now on (the lab run in it), leaving out those
 * it had already (a test file may share its process with earlier files, and what they left running,
 * such as esbuild's service, is not this test's) and the `ps` that lists them.
 */
export function startedFromNow(): () => ProcessEntry[] {
  const before = new Set(descendants(process.pid).map((p) => p.pid));
  return () => descendants(process.pid).filter((p) => !before.has(p.pid) && !p.args.startsWith('ps '));
}

/**
 * What `next`, a later reading of a process's command line, leaves known of it: an exiting process reads
 * as its bare name in brackets (its memory, and with it /proc's cmdline, is gone before it is reaped)
 * and then as "<defunct>", and neither may hide the command it ran. A forked child's first reading is
 * its parent's command line until it execs, so a later real one replaces an earlier one.
 */
export function laterCommandLine(known: string | undefined, next: string): string {
  const bare = next.startsWith('[') || next.includes('<defunct>');
  return known !== undefined && bare ? known : next;
}

/**
 * Watches the processes started below this one from now on, every `everyMs` on this event loop, until
 * `stop` is called; returns each with the last command line it ran (see `laterCommandLine`). `stop`
 * may be called again, as after a `finally`: it returns what was seen.
 * An in-process lab run leaves this loop free while it waits on its workers, which is what it is for.
 */
export function watchStarted(everyMs = 100): { stop: () => Promise<ProcessEntry[]> } {
  const read = startedFromNow();
  const seen = new Map<number, string>();
  let running = true;
  const poll = (): void => {
    for (const p of read()) seen.set(p.pid, laterCommandLine(seen.get(p.pid), p.args));
  };
  const watching = (async () => {
    while (running) {
      poll();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await watching;
      poll();
      return [...seen].map(([pid, args]) => ({ pid, args }));
    },
  };
}

/** True while a process with this id exists: the lab's own check, shared so the tests ask the same way. */
export const exists = processExists;

/** Polls `probe` every 50 ms until it returns a value or `ms` passes; returns that value (undefined on time-out). */
export async function until<T>(probe: () => T | undefined, ms: number): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until none of `pids` exists, or `ms` passes; returns those still there. */
export async function survivors(pids: readonly number[], ms = 5_000): Promise<number[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = pids.filter(exists);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Of `entries`, those still running after `ms` (each as "pid args"), so that a failure names what stayed behind. */
export async function lingering(entries: readonly ProcessEntry[], ms = 5_000): Promise<string[]> {
  const left = await survivors(entries.map((e) => e.pid), ms);
  return entries.filter((e) => left.includes(e.pid)).map((e) => `${e.pid} ${e.args}`);
}
