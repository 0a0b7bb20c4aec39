import { runMode, type ModeName, type ModeRunOptions, type PoolInfo, type RunResult } from '../modes/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { summarize, type Summary } from './stats.ts';

/** Where a measurement is; for progress displays. */
export interface Progress {
  readonly workload: string;
  readonly mode: ModeName;
  readonly phase: 'warm-up' | 'measure';
  readonly repeat: number;
  readonly of: number;
}

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
  /** Task checksums of every measured run, in task order. */
  readonly checksums: readonly (readonly number[])[];
  /** The last measured run, whole (trace included), for timelines. */
  readonly lastRun: RunResult;
  readonly pool?: PoolInfo;
}

/**
 * Runs the workload in every mode, `warmups` discarded rounds then `repeats` timed rounds.
 * Modes take turns within each round, so a slow drift of the machine hits them all alike.
 */
export async function measureModes(workload: WorkloadSpec, modes: readonly ModeName[], options: MeasureOptions): Promise<ModeMeasurement[]> {
  const runs = new Map<ModeName, RunResult[]>(modes.map((m) => [m, []]));
  const rounds = options.warmups + options.repeats;
  for (let round = 0; round < rounds; round++) {
    const warmUp = round < options.warmups;
    for (const mode of modes) {
      options.onProgress?.({
        workload: workload.name,
        mode,
        phase: warmUp ? 'warm-up' : 'measure',
        repeat: warmUp ? round + 1 : round - options.warmups + 1,
        of: warmUp ? options.warmups : options.repeats,
      });
      const result = await runMode(mode, workload, options.runOptions);
      if (!warmUp) runs.get(mode)!.push(result);
    }
  }
  return modes.map((mode) => {
    const results = runs.get(mode)!;
    const last = results[results.length - 1]!;
    const wallMs = results.map((r) => r.wallMs);
    return {
      workload: workload.name,
      mode,
      threads: last.threads,
      wallMs,
      summary: summarize(wallMs),
      checksums: results.map((r) => r.tasks.map((t) => t.checksum)),
      lastRun: last,
      ...(last.pool && { pool: last.pool }),
    };
  });
}

/** True when every run of `measurement` reported exactly the `reference` task checksums. */
export function checksumsMatch(measurement: ModeMeasurement, reference: readonly number[]): boolean {
  return measurement.checksums.every((run) => run.length === reference.length && run.every((c, i) => c === reference[i]));
}
