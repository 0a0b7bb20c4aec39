/**
 * Workloads are data, so that a worker thread can rebuild exactly the task the main
 * thread described. Every random choice is made while building the spec (seeded),
 * never while running it.
 */
export interface WorkloadSpec {
  readonly name: string;
  readonly description?: string;
  readonly tasks: readonly TaskSpec[];
}

export interface TaskSpec {
  readonly name: string;
  readonly parts: readonly PartSpec[];
}

/**
 * One piece of a task between suspension points. A part's label (for traces) is `label`
 * or `<task>.<n>`, n counting from 1; delegated parts keep the labels of the task they come from.
 */
export type PartSpec = CpuPart | WaitPart | BlockPart | DelegatePart | FaultPart;

/** Deterministic integer work, `units` in all, yielding to the scheduler every `sliceUnits`. */
export interface CpuPart {
  readonly kind: 'cpu';
  readonly units: number;
  readonly sliceUnits?: number;
  readonly label?: string;
}

/** A non-blocking wait (a timer): the thread is free for other tasks meanwhile. */
export interface WaitPart {
  readonly kind: 'wait';
  readonly ms: number;
  readonly label?: string;
}

/** A thread-blocking wait (`Atomics.wait`), like `time.sleep` in the seed article: nothing else runs. */
export interface BlockPart {
  readonly kind: 'block';
  readonly ms: number;
  readonly label?: string;
}

/** Run another task's parts inline with `yield*`, as the article's `task1_part4` does with `yield from`. */
export interface DelegatePart {
  readonly kind: 'delegate';
  readonly task: string;
}

/**
 * A deliberate failure, to see what each mode does with it: `throw` an error, `hang` on a wait
 * that never ends (bound the run with --timeout), or, on worker threads only, `exit` the thread
 * or `exhaust-memory` until the thread's resource limits end it.
 */
export interface FaultPart {
  readonly kind: 'fault';
  readonly fault: FaultKind;
  readonly message?: string;
  readonly label?: string;
}

export const faultKinds = ['throw', 'hang', 'exit', 'exhaust-memory'] as const;
export type FaultKind = (typeof faultKinds)[number];

export const partKinds = ['cpu', 'wait', 'block', 'delegate', 'fault'] as const;
export type PartKind = PartSpec['kind'];

/** Default number of work units between two yields of a cpu part. */
export const DEFAULT_SLICE_UNITS = 128;
