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
  /**
   * Modes to measure a second time without step recording, in the same rounds as the others (so
   * that the comparison is not skewed by when it ran); returned after the others, with `steps: false`.
   */
  readonly untraced?: readonly ModeName[];
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
  /** Present (false) on the runs measured without step recording (`MeasureOptions.untraced`). */
  readonly steps?: false;
  /** Under `--repeats auto`: what ended the rounds. */
  readonly stoppedBy?: AutoStop;
}

/**
 * Runs the workload in every mode, `warmups` discarded rounds then `repeats` timed rounds,
 * the modes taking turns within each round.
 */
export async function measureModes(workload: WorkloadSpec, modes: readonly ModeName[], options: MeasureOptions): Promise<ModeMeasurement[]> {
  // Only the last run of each mode is drawn: earlier runs drop their steps as soon as the next one
  // is in, so that thousands of retained trace events do not grow the heap (and its collections)
  // under the runs still to be timed.
  const subjects: Subject[] = [...modes.map((mode) => ({ mode, steps: true })), ...(options.untraced ?? []).map((mode) => ({ mode, steps: false }))];
  const latest = new Map<Subject, RunResult>();
  const measure = (s: Subject): Promise<RunResult> =>
    runMode(s.mode, workload, s.steps ? options.runOptions : { ...options.runOptions, steps: false }).then((run) => keepLatest(latest, s, run));
  let stoppedBy: AutoStop | undefined;
  const auto = options.auto;
  const now = auto?.now ?? (() => performance.now());
  const runs = await alternate(subjects, measure, {
    repeats: options.repeats,
    warmups: options.warmups,
    onRound: (s, phase, repeat, of) => options.onProgress?.({ label: `${workload.name} ${s.mode}${s.steps ? '' : ' (no steps)'}`, phase, repeat, of }),
    ...(auto !== undefined && {
      more: (kept: ReadonlyMap<Subject, readonly RunResult[]>) => {
        stoppedBy = autoStop(subjects.map((m) => kept.get(m)!.map((r) => r.wallMs)), now(), auto.deadlineMs);
        return stoppedBy === undefined;
      },
    }),
  });
  return subjects.map((subject) => {
    const { mode } = subject;
    const results = runs.get(subject)!;
    const last = latest.get(subject) ?? results[results.length - 1]!;
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
      ...(!subject.steps && { steps: false as const }),
      ...(stoppedBy !== undefined && { stoppedBy }),
    };
  });
}

/** One thing measured each round: a mode, with or without step recording. */
interface Subject {
  readonly mode: ModeName;
  readonly steps: boolean;
}

/** Remembers `run` as the mode's latest (whole) and returns it without its steps, for the list of repeats. */
function keepLatest(latest: Map<Subject, RunResult>, subject: Subject, run: RunResult): RunResult {
  latest.set(subject, run);
  return run.trace.length === 0 ? run : { ...run, trace: [], gc: [] };
}

/** True when every run of `measurement` reported exactly the `reference` task checksums. */
export function checksumsMatch(measurement: ModeMeasurement, reference: readonly number[]): boolean {
  return measurement.checksums.every((run) => run.length === reference.length && run.every((c, i) => c === reference[i]));
}
