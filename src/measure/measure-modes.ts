import { runMode, type ModeName, type ModeRunOptions, type PoolInfo, type RunResult } from '../modes/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { alternate, type Progress } from './alternate.ts';
import { autoStop, type AutoStop } from './auto-repeats.ts';
import { summarize, type Summary } from './stats.ts';


export interface MeasureOptions {
  readonly repeats: number;
  /** Runs per mode before timing starts, discarded (JIT, caches, lazy start-up). */
  readonly warmups: number;
  readonly runOptions?: ModeRunOptions;
  readonly onProgress?: (progress: Progress) => void;
  /** `--repeats auto`: after `repeats` rounds, keep adding rounds until `autoStop` says stop. */
  readonly auto?: { readonly deadlineMs: number; readonly now?: () => number };
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
  /** Under `--repeats auto`: what ended the rounds. */
  readonly stoppedBy?: AutoStop;
}

/**
 * Runs the workload in every mode, `warmups` discarded rounds then `repeats` timed rounds,
 * the modes taking turns within each round.
 */
export async function measureModes(workload: WorkloadSpec, modes: readonly ModeName[], options: MeasureOptions): Promise<ModeMeasurement[]> {
  let stoppedBy: AutoStop | undefined;
  const auto = options.auto;
  const now = auto?.now ?? (() => performance.now());
  const runs = await alternate(modes, (mode) => runMode(mode, workload, options.runOptions), {
    repeats: options.repeats,
    warmups: options.warmups,
    onRound: (mode, phase, repeat, of) => options.onProgress?.({ label: `${workload.name} ${mode}`, phase, repeat, of }),
    ...(auto !== undefined && {
      more: (kept: ReadonlyMap<ModeName, readonly RunResult[]>) => {
        stoppedBy = autoStop(modes.map((m) => kept.get(m)!.map((r) => r.wallMs)), now(), auto.deadlineMs);
        return stoppedBy === undefined;
      },
    }),
  });
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
      ...(stoppedBy !== undefined && { stoppedBy }),
    };
  });
}

/** True when every run of `measurement` reported exactly the `reference` task checksums. */
export function checksumsMatch(measurement: ModeMeasurement, reference: readonly number[]): boolean {
  return measurement.checksums.every((run) => run.length === reference.length && run.every((c, i) => c === reference[i]));
}
