import { isCpuBoundWorkload } from '../workload/cpu-bound.ts';
import type { WorkloadSpec } from '../workload/spec.ts';

/**
 * Figures that the work itself rules out. On CPU-bound work a run on n threads cannot be more
 * than min(n, cores) times faster than one thread doing the same work, and interleaving on
 * one thread cannot beat running in order. When a measurement says otherwise by more than its
 * own interval, the baseline (or the machine) misbehaved: the figure is flagged, never
 * presented as a finding, and fits leave it out.
 */

/** What decides whether a compared row is possible. */
export interface ImpossibleSpeedupInput {
  readonly mode: string;
  readonly baseline: string;
  /** Threads the row's mode ran on. */
  readonly threads: number;
  /** Threads the baseline ran on (1 for sequential and interleaved). */
  readonly baselineThreads: number;
  readonly speedup: number;
  /** The low end of the speedup's 95% interval, as the lab prints it. */
  readonly speedupLow: number;
  /** The fewer repeats of the row and its baseline: one repeat has no interval to be beyond, and is not judged. */
  readonly repeats: number;
  readonly cores: number;
  /** The workload has no wait or block parts. */
  readonly cpuBound: boolean;
}

/** The highest speedup that CPU-bound work allows: threads that can run at once, relative to the baseline's. */
export function speedupCeiling(threads: number, baselineThreads: number, cores: number): number {
  return Math.min(threads, cores) / Math.min(baselineThreads, cores);
}

/**
 * Why a row's speedup is impossible, or `undefined` when it is possible (or when only a
 * CPU-bound workload could rule it out and this one waits). The reason is a short phrase.
 */
export function impossibleSpeedup(row: ImpossibleSpeedupInput): string | undefined {
  if (!row.cpuBound || row.mode === row.baseline || row.repeats < 2) return undefined;
  const ceiling = speedupCeiling(row.threads, row.baselineThreads, row.cores);
  if (!(row.speedupLow > ceiling)) return undefined;
  if (row.threads === 1 && row.baselineThreads === 1) {
    return `${row.mode} ran pure CPU work ${row.speedup.toFixed(2)}x faster than ${row.baseline} on the same one thread, its interval starting at ${row.speedupLow.toFixed(2)}x: interleaving cannot beat running in order`;
  }
  const usable = Math.min(row.threads, row.cores);
  const efficiencyNote = row.speedup / row.threads > 1 ? ` (efficiency ${((100 * row.speedup) / row.threads).toFixed(0)}% > 100%)` : '';
  return (
    `${row.speedup.toFixed(2)}x on ${row.threads} thread${row.threads === 1 ? '' : 's'}${efficiencyNote} is above the ${ceiling.toFixed(2)}x that ` +
    `${usable} usable core${usable === 1 ? '' : 's'} allow, its interval starting at ${row.speedupLow.toFixed(2)}x`
  );
}

/**
 * Why a per-task overhead is impossible: below zero by more than its interval, which happens
 * exactly when the speedup's whole interval lies above the ideal schedule's speedup
 * (the overhead is the time above that ideal, spread over the tasks).
 */
export function impossibleOverhead(speedup: number, speedupLow: number, idealSpeedup: number, repeats: number): string | undefined {
  if (repeats < 2 || !(speedupLow > idealSpeedup)) return undefined;
  return `a negative per-task overhead: ${speedup.toFixed(2)}x beats the ideal ${idealSpeedup.toFixed(2)}x for these tasks, its interval starting at ${speedupLow.toFixed(2)}x`;
}

/** The rows whose figures were possible: what a fit may use. */
export function possibleOnly<R extends { readonly impossible?: string }>(rows: readonly R[]): R[] {
  return rows.filter((row) => row.impossible === undefined);
}

/** The judge `compareModes` needs for a workload on this machine. */
export function judgeFor(workload: WorkloadSpec, cores: number): { readonly cores: number; readonly cpuBound: boolean } {
  return { cores, cpuBound: isCpuBoundWorkload(workload) };
}

/**
 * Why a memory figure per held task is impossible: below zero. Holding more tasks cannot free memory, so a
 * negative delta (a process's resident set read before and after its tasks were built) measured something
 * else: pages the garbage collector or the allocator gave back to the system between the two readings.
 * `what` names the figure ("RSS per task"); the bytes are said in decimal kB.
 */
export function impossibleMemoryPerTask(bytesPerTask: number, what: string): string | undefined {
  if (!(bytesPerTask < 0)) return undefined;
  return `${what} of ${(bytesPerTask / 1000).toFixed(bytesPerTask > -10_000 ? 1 : 0)} kB is below zero: holding tasks cannot free memory`;
}
