import type { Progress } from '../measure/alternate.ts';
import type { ReadCpu } from '../measure/foreign-cpu.ts';
import type { MachineInfo } from '../measure/machine.ts';
import { readProcCpu } from '../runtime/proc-stat.ts';
import type { LabPool, ModeRunOptions, Resources } from '../modes/index.ts';
import type { ExplainedRunSpec } from '../explain/explained-run.ts';
import type { RedisTarget } from '../runtime/queue/redis-target.ts';
import type { ComparableOf } from '../report/comparable-settings.ts';
import type { ExperimentResult, Facts } from '../report/experiment-result.ts';

/** The resolved settings an experiment runs with. */
export interface ExperimentContext {
  readonly quick: boolean;
  readonly repeats: number;
  readonly warmups: number;
  readonly threads: number;
  /** `--processes`: forked processes for the processes mode (default: `threads`); many-tasks' cap on processes started one per task (default 16). */
  readonly processes?: number;
  /** The distributed mode's Redis, from `--redis` (default: a private redis-server the kit starts and stops). */
  readonly redis?: RedisTarget;
  /** `--redis-timeout`, ms: how long the distributed mode waits for its Redis to answer before it fails the run (default: the queue's own bounds). */
  readonly redisTimeoutMs?: number;
  /** Local worker processes of the distributed mode, from `--workers` (default: `threads`). */
  readonly workers?: number;
  /** `--max-threads`: the top of scaling's thread sweep (default twice `threads`); many-tasks' cap on threads started one per task (default 64). */
  readonly maxThreads?: number;
  /** `--predict N`: scaling states what its fitted model predicts at N threads. */
  readonly predict?: number;
  /** `--aa`: granularity measures piscina a second time as its A/A twin, to show the instrument's own bias. */
  readonly aa?: boolean;
  readonly seed: number;
  /** Record every step (timelines); false under `--no-steps`. */
  readonly steps: boolean;
  /** Bound on any single run, from `--timeout`. */
  readonly timeoutMs?: number;
  /** Read before the experiment starts (so its load average describes the machine at rest); put it in the result. */
  readonly machine: MachineInfo;
  /** Aborted when the user interrupts the lab (Ctrl-C): pass it to every run. */
  readonly signal: AbortSignal;
  readonly onProgress: (progress: Progress) => void;
  /** `--repeats auto`: rounds go on past `repeats` until the medians are known within +-2% or this moment (performance.now() ms) passes. */
  readonly auto?: { readonly deadlineMs: number };
  /** Reads the machine's and the lab's CPU, to tell other programs' share (default: /proc); a test injects its own, since test files running at once are other programs to each other. */
  readonly readCpu?: ReadCpu;
}

/** One question the lab answers: a workload, the modes to run it in, what to report. Build one with `defineExperiment`. */
export interface Experiment<Row extends object = object, F extends Facts = Facts> {
  readonly name: string;
  /** One line: the question this experiment answers. */
  readonly question: string;
  /** One or two sentences for `list`: what it runs, and against what. */
  readonly about?: string;
  readonly defaults: ExperimentDefaults;
  /** The settings that must match before two of its results compare (what sets the work); `compare` reads them here. */
  readonly comparable?: readonly string[];
  /** Draw terminal timelines of its runs unless `--no-timeline` (others draw them only with `--timeline`). */
  readonly timelineByDefault?: boolean;
  run(context: ExperimentContext): Promise<ExperimentResult<Row, F>>;
  /** For `--explain` and `--html`: the workloads and policies to run once each and replay step by step, side by side. */
  readonly explain?: (context: ExperimentContext) => readonly ExplainedRunSpec[];
}

/** What an experiment declares as its own defaults: its repeats, and the counts its flags set, as functions of the threads. */
export interface ExperimentDefaults {
  readonly repeats: number;
  readonly quickRepeats: number;
  /** `--processes` when not given (default: the threads). */
  readonly processes?: (threads: number) => number;
  /** `--max-threads` when not given (default: the threads). */
  readonly maxThreads?: (threads: number) => number;
}

/** The context with every count resolved: what an experiment's `measure` sees. */
export interface CompleteContext extends ExperimentContext {
  readonly processes: number;
  readonly workers: number;
  readonly maxThreads: number;
}

/** Resolves the counts the flags left open, once: the experiment's own defaults, else the threads. */
export function completeContext(context: ExperimentContext, defaults: ExperimentDefaults): CompleteContext {
  const { threads } = context;
  return {
    ...context,
    processes: context.processes ?? defaults.processes?.(threads) ?? threads,
    workers: context.workers ?? threads,
    maxThreads: context.maxThreads ?? defaults.maxThreads?.(threads) ?? threads,
  };
}

/** What `compare` must match for each of these experiments' results (undefined for results of none of them). */
export function comparableIn(experiments: readonly Experiment[]): ComparableOf {
  return (name) => experiments.find((e) => e.name === name)?.comparable;
}

/** The run options every mode run of an experiment should get: the interrupt signal, the timeout, the thread pool and the other resources opened for it. */
export function runOptionsFor(context: ExperimentContext, pool?: LabPool, resources?: Resources): ModeRunOptions {
  return {
    signal: context.signal,
    ...(!context.steps && { steps: false }),
    ...(context.timeoutMs !== undefined && { timeoutMs: context.timeoutMs }),
    ...(pool !== undefined && { pool }),
    ...(resources !== undefined && resources.size > 0 && { resources }),
  };
}

/** How the experiment reads the machine's and the lab's CPU: the context's reader, else /proc. */
export function cpuReaderFor(context: ExperimentContext): ReadCpu {
  return context.readCpu ?? readProcCpu;
}

/** The settings every measured experiment reports, so a reader can rerun it. */
export interface CommonSettings {
  readonly repeats: number | 'auto';
  readonly warmups: number;
  readonly threads: number;
  readonly seed: number;
  readonly quick: boolean;
  readonly steps: boolean;
}
export type CommonSetting = keyof CommonSettings;

/** The common settings from the context: repeats ('auto' under `--repeats auto`), warm-ups, threads, seed, quick, steps. */
export function runSettings(context: ExperimentContext): CommonSettings {
  return { repeats: context.auto !== undefined ? 'auto' : context.repeats, warmups: context.warmups, threads: context.threads, seed: context.seed, quick: context.quick, steps: context.steps };
}
