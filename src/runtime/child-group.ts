import type { ChildProcess } from 'node:child_process';

/**
 * Spawn option for every child the lab starts: its own process group, so that the lab can end it
 * together with whatever it started (a user's `execSync('sleep 300')`, a shell and its children).
 * A process that leaves the group on purpose (`setsid`, `detached: true` of its own) is out of reach,
 * and out of scope. A child in its own group no longer gets a terminal's Ctrl-C: the lab ends it,
 * and the child ends itself when its IPC channel to the lab closes (a `'disconnect'` handler).
 */
export const ownProcessGroup = { detached: true } as const;

/**
 * Sends `signal` to the child's whole process group (the child and everything it started that stayed
 * in the group); falls back to the child alone where there is no group. Safe to call at any time.
 */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: nothing is left in the group; EPERM cannot happen for our own children.
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}
