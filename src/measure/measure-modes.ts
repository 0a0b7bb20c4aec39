import { modeOf, resourceOf, runMode, threadPoolResource, type ModeName, type ModeRunOptions, type PoolInfo, type Resource, type RunResult } from '../modes/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { alternate, type Progress } from './alternate.ts';
import type { OrderBalance } from './balanced-order.ts';
import { autoStop, type AutoStop } from './auto-repeats.ts';
import { foreignCpuPerRun, type ReadCpu } from './foreign-cpu.ts';
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
  /**
   * A/A: modes measured a second time, identically, as subjects of their own (their own place in the
   * run order, their own runs); returned last, with `aa: true`. Two identical subjects must compare equal.
   */
  readonly aa?: readonly ModeName[];
  /** `--repeats auto`: after `repeats` rounds, keep adding rounds until `autoStop` says stop. */
  readonly auto?: { readonly deadlineMs: number; readonly now?: () => number };
  /** Reads the machine's and the lab's CPU around each run long enough to tell (see `ModeMeasurement.foreignCpuCores`); none without it. */
  readonly readCpu?: ReadCpu;
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
  /**
   * Other programs' CPU during each measured run, in cores, in run order: `null` for runs shorter
   * than `FOREIGN_CPU_MIN_ROUND_MS`, and where the system does not say. Absent without `readCpu`.
   */
  readonly foreignCpuCores?: readonly (number | null)[];
  /** The last measured run, whole (trace included), for timelines. */
  readonly lastRun: RunResult;
  readonly pool?: PoolInfo;
  /** Present (false) on the runs measured without step recording (`MeasureOptions.untraced`). */
  readonly steps?: false;
  /** Present (true) on the runs of an A/A twin (`MeasureOptions.aa`). */
  readonly aa?: true;
  /** Under `--repeats auto`: what ended the rounds. */
  readonly stoppedBy?: AutoStop;
  /** How often each subject ran right after each other (the same object on every measurement of one call). */
  readonly balance?: OrderBalance;
}

/**
 * Runs the workload in every mode, `warmups` discarded rounds then `repeats` timed rounds (rounded up
 * to whole blocks of the balanced order, see `alternate`), the modes taking turns within each round,
 * the threads of a pool mode's pool woken untimed before each of its runs.
 */
export async function measureModes(workload: WorkloadSpec, modes: readonly ModeName[], options: MeasureOptions): Promise<ModeMeasurement[]> {
  // Only the last run of each mode is drawn: earlier runs drop their steps as soon as the next one
  // is in, so that thousands of retained trace events do not grow the heap (and its collections)
  // under the runs still to be timed.
  const subjects: Subject[] = [
    ...modes.map((mode) => ({ mode, steps: true })),
    ...(options.untraced ?? []).map((mode) => ({ mode, steps: false })),
    ...(options.aa ?? []).map((mode) => ({ mode, steps: true, aa: true })),
  ];
  const latest = new Map<Subject, RunResult>();
  const { pool, resources } = options.runOptions ?? {};
  // The thread pool travels as `pool` (the one-thread modes time a lone worker of it); other kinds among the resources.
  const resourceOfMode = (mode: ModeName): Resource | undefined => {
    const needed = modeOf(mode).needs;
    return needed === undefined ? undefined : needed === threadPoolResource ? pool : resourceOf(resources, needed);
  };
  const withForeignCpu = foreignCpuPerRun<Subject, RunResult>(options.readCpu);
  const measure = (s: Subject): Promise<MeasuredRun> =>
    withForeignCpu(s, async () => {
      // Untimed, right before the run: every thread of the mode's pool runs a small task, so that no pool mode
      // meets threads left idle by whatever ran before it (a long one-thread run, or another pool).
      await resourceOfMode(s.mode)?.wake?.();
      return keepLatest(latest, s, await runMode(s.mode, workload, s.steps ? options.runOptions : { ...options.runOptions, steps: false }));
    });
  let stoppedBy: AutoStop | undefined;
  const auto = options.auto;
  const now = auto?.now ?? (() => performance.now());
  const runs = await alternate(subjects, measure, {
    repeats: options.repeats,
    warmups: options.warmups,
    onRound: (s, phase, repeat, of) => options.onProgress?.({ label: `${workload.name} ${s.mode}${s.aa === true ? '-aa' : ''}${s.steps ? '' : ' (no steps)'}`, phase, repeat, of }),
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
      ...(options.readCpu !== undefined && { foreignCpuCores: results.map((r) => r.foreignCpuCores) }),
      lastRun: last,
      ...(last.pool && { pool: last.pool }),
      ...(!subject.steps && { steps: false as const }),
      ...(subject.aa === true && { aa: true as const }),
      ...(stoppedBy !== undefined && { stoppedBy }),
      balance: runs.balance,
    };
  });
}

/** A run as kept for its measurement: its steps dropped (but the latest's), other programs' CPU beside it. */
type MeasuredRun = RunResult & { readonly foreignCpuCores: number | null };

/** One thing measured each round: a mode, with or without step recording, or a mode's A/A twin. */
interface Subject {
  readonly mode: ModeName;
  readonly steps: boolean;
  readonly aa?: true;
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
