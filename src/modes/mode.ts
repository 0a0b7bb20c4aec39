import type { WorkloadSpec } from '../workload/spec.ts';
import type { LabPool } from '../runtime/pool.ts';
import type { RunResult } from '../runtime/run-result.ts';
import type { ResourceKind, Resources } from './resource.ts';

/** What every mode takes, whatever it runs on. */
export interface RunOptions {
  /** Aborting it stops the run (an interrupt); the run fails with the reason. */
  readonly signal?: AbortSignal;
  /** The run fails when it has not finished after this many milliseconds. */
  readonly timeoutMs?: number;
  /** Record every step for timelines (default true); false runs untraced, as `--no-steps`. */
  readonly steps?: boolean;
}

/** The options a mode's `run` gets: the common ones, and the started pool when there is one. */
export interface ModeRunOptions extends RunOptions {
  /**
   * A started, warm pool. A `thread-pool` mode runs on it (without one it starts and closes a pool
   * of its own for the run); the one-thread modes time a lone worker of it as their reference.
   */
  readonly pool?: LabPool;
  /**
   * Resources a runner opened for many runs, by kind: a mode runs on the one of the kind it needs
   * (without one it opens and closes its own for the run).
   */
  readonly resources?: Resources;
}

/** One way of running a workload: its name, what it needs, and how it runs one workload once. */
export interface Mode<N extends string = string> {
  readonly name: N;
  /** The resource its runs share, opened once by whoever runs it for many runs; absent when it needs nothing beyond this thread. */
  readonly needs?: ResourceKind;
  /** One line for `--help` and the README: where it runs and what it shows. */
  readonly summary: string;
  /** A plain reference rather than one of the lab's own ways: run only when named in `--modes`. */
  readonly reference?: boolean;
  /** Run only when named in `--modes`: it needs what not every machine has (a Redis), and nothing else in the lab may. */
  readonly namedOnly?: boolean;
  /** Why this mode cannot run the workload, and what to use instead (each a phrase), or undefined when it can. */
  cannotRun?(workload: WorkloadSpec): { readonly why: string; readonly instead: string } | undefined;
  run(workload: WorkloadSpec, options?: ModeRunOptions): Promise<RunResult<N>>;
}

/** Declares a mode, keeping its literal types (so that `ModeName` is the union of the registered names). */
export function defineMode<const M extends Mode>(mode: M): M {
  return mode;
}
