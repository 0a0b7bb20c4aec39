import { runMode, type ModeName, type ModeRunOptions, type PoolInfo, type RunResult } from '../modes/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { alternate, type Progress } from './alternate.ts';
import { summarize, type Summary } from './stats.ts';


export interface MeasureOptions {
  readonly repeats: number;
  /** Runs per mode before timing starts, discarded (JIT, caches, lazy start-up). */
  readonly warmups: number;
  readonly runOptions?: ModeRunOptions;
  readonly onProgress?: (progress: Progress) => void;
}

/** Repeated runs of one workload in one mode. */
export interface ModeMeasurement {
  readonly workload: string;
  readonly mode: ModeName;
  readonly threads: number;
  /** Wall time of every measured run, in run order. */
  readonly wallMs: readonly number[];
  readonly summary: Summary;
  /** CPU time of every measured run (all threads of the process), in run order. */
  readonly cpuMs: readonly number[];
  /** Share of each measured run's wall time spent in garbage collection (summed over its threads), in run order. */
  readonly gcShare: readonly number[];
  /** The kernel's cost per unit timed in place after each measured run (see RunResult.kernelUsPerUnit), µs. */
  readonly kernelUsPerUnit: readonly number[];
  /** One-thread modes on a pool: the same block on a lone worker after each run, µs per unit. */
  readonly loneWorkerUsPerUnit: readonly number[];
  /** Task checksums of every measured run, in task order. */
  readonly checksums: readonly (readonly number[])[];
  /** The last measured run, whole (trace included), for timelines. */
  readonly lastRun: RunResult;
  readonly pool?: PoolInfo;
}

/**
 * Runs the workload in every mode, `warmups` discarded rounds then `repeats` timed rounds,
 * the modes taking turns within each round.
 */
export async function measureModes(workload: WorkloadSpec, modes: readonly ModeName[], options: MeasureOptions): Promise<ModeMeasurement[]> {
  // Only the last run of each mode is drawn: earlier runs drop their steps as soon as the next one
  // is in, so that thousands of retained trace events do not grow the heap (and its collections)
  // under the runs still to be timed.
  const latest = new Map<ModeName, RunResult>();
  const runs = await alternate(modes, (mode) => runMode(mode, workload, options.runOptions).then((run) => keepLatest(latest, mode, run)), {
    repeats: options.repeats,
    warmups: options.warmups,
    onRound: (mode, phase, repeat, of) => options.onProgress?.({ label: `${workload.name} ${mode}`, phase, repeat, of }),
  });
  return modes.map((mode) => {
    const results = runs.get(mode)!;
    const last = latest.get(mode) ?? results[results.length - 1]!;
    const wallMs = results.map((r) => r.wallMs);
    return {
      workload: workload.name,
      mode,
      threads: last.threads,
      wallMs,
      summary: summarize(wallMs),
      cpuMs: results.map((r) => r.cpuMs ?? Number.NaN),
      gcShare: results.map((r) => r.gcShare ?? Number.NaN),
      kernelUsPerUnit: results.map((r) => r.kernelUsPerUnit ?? Number.NaN),
      loneWorkerUsPerUnit: results.map((r) => r.loneWorkerUsPerUnit ?? Number.NaN),
      checksums: results.map((r) => r.tasks.map((t) => t.checksum)),
      lastRun: last,
      ...(last.pool && { pool: last.pool }),
    };
  });
}

/** Remembers `run` as the mode's latest (whole) and returns it without its steps, for the list of repeats. */
function keepLatest(latest: Map<ModeName, RunResult>, mode: ModeName, run: RunResult): RunResult {
  latest.set(mode, run);
  return run.trace.length === 0 ? run : { ...run, trace: [], gc: [] };
}

/** True when every run of `measurement` reported exactly the `reference` task checksums. */
export function checksumsMatch(measurement: ModeMeasurement, reference: readonly number[]): boolean {
  return measurement.checksums.every((run) => run.length === reference.length && run.every((c, i) => c === reference[i]));
}
