import type { WorkloadSpec } from '../workload/spec.ts';
import type { LabPool } from '../runtime/pool.ts';
import type { ProcessPool } from '../runtime/process-pool.ts';
import type { QueueSession } from '../runtime/queue/queue-session.ts';
import type { RunResult } from '../runtime/run-result.ts';

/** What every mode takes, whatever it runs on. */
export interface RunOptions {
  /** Aborting it stops the run (an interrupt); the run fails with the reason. */
  readonly signal?: AbortSignal;
  /** The run fails when it has not finished after this many milliseconds. */
  readonly timeoutMs?: number;
  /** Record every step for timelines (default true); false runs untraced, as `--no-steps`. */
  readonly steps?: boolean;
}

/**
 * What a mode needs besides this thread, so that whoever runs it can provide it once for many runs:
 * `thread-pool` a warm `LabPool`; `child-processes` and `queue` are for the modes that fork
 * processes or post jobs to a queue (they start what they need themselves until a runner provides it).
 */
export type ModeNeeds = 'nothing' | 'thread-pool' | 'child-processes' | 'queue';

/** The options a mode's `run` gets: the common ones, and the started pool when there is one. */
export interface ModeRunOptions extends RunOptions {
  /**
   * A started, warm pool. A `thread-pool` mode runs on it (without one it starts and closes a pool
   * of its own for the run); the one-thread modes time a lone worker of it as their reference.
   */
  readonly pool?: LabPool;
  /** A started, warm process pool: a `child-processes` mode runs on it (without one it forks and ends processes of its own for the run). */
  readonly processPool?: ProcessPool;
  /** An open queue session (Redis, queue, workers): a `queue` mode runs on it (without one it opens and closes its own for the run). */
  readonly queue?: QueueSession;
}

/** One way of running a workload: its name, what it needs, and how it runs one workload once. */
export interface Mode<N extends string = string> {
  readonly name: N;
  readonly needs: ModeNeeds;
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
