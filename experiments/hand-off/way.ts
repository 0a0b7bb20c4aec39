import type { KernelTask } from '../../src/runtime/plain-worker.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';

/**
 * Every way of handing a task to another thread that the experiment compares, cheapest rung first:
 * the raw channels written for it, the pools users choose between, and the lab's own paths.
 * `one-thread` runs the same tasks in a plain loop on the main thread: the baseline.
 */
export const WAYS = [
  'one-thread',
  'ring-spin',
  'ring-wake',
  'post-message-one',
  'post-message-many',
  'piscina',
  'tinypool',
  'workerpool',
  'poolifier',
  'lab-parallel',
  'lab-parallel-untraced',
  'lab-hybrid',
] as const;
export type WayName = (typeof WAYS)[number];

/** The ways that hand tasks to threads (all but the baseline). */
export type HandOffWay = Exclude<WayName, 'one-thread'>;

/** The pools users choose between, installed or not. */
export const POOLS = ['piscina', 'tinypool', 'workerpool', 'poolifier'] as const satisfies readonly HandOffWay[];
export type PoolWay = (typeof POOLS)[number];

/** One size's tasks: as the lab's modes take them (a workload), and as the others do (the kernel's units and seed of each). */
export interface SizeWork {
  readonly workload: WorkloadSpec;
  readonly tasks: readonly KernelTask[];
}

/** One timed run of a way over a size's tasks. */
export interface WayRun {
  readonly wallMs: number;
  /** CPU of the whole process over the run (every thread), ms. */
  readonly cpuMs: number;
  /** CPU of the main thread alone over the run, ms; NaN where the run does more than the hand-off around its timing (the lab's modes). */
  readonly mainCpuMs: number;
  /** Each task's checksum, in task order. */
  readonly checksums: readonly number[];
}

/** A way, open and warm: what the sweep times. */
export interface Way {
  readonly name: WayName;
  /** Threads that run its tasks. */
  readonly threads: number;
  /** Untimed, right before a timed run: every thread of the way runs a small task, so that none meets the run cold (and the spinning ring starts to spin). */
  wake(): Promise<void>;
  run(work: SizeWork): Promise<WayRun>;
  /** Untimed, right after a timed run: the spinning ring parks its workers, so that they burn no core under the other ways' runs. */
  rest?(): void;
  close(): Promise<void>;
}
