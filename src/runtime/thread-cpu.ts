import { readFileSync } from 'node:fs';

/**
 * CPU time the calling thread has used, in ms, or `undefined` where the system does not say.
 * Linux keeps it per thread in /proc/thread-self/schedstat (first field, ns); `process.cpuUsage()`
 * would add up every thread of the process, clients included.
 */
export function threadCpuMs(): number | undefined {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/** CPU the calling thread used since `since` (a `threadCpuMs()` reading), or `undefined`. */
export function threadCpuSince(since: number | undefined): number | undefined {
  const now = threadCpuMs();
  return since === undefined || now === undefined ? undefined : now - since;
}
