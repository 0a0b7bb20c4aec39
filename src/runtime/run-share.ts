import type { WorkloadSpec } from '../workload/spec.ts';

/**
 * What every task message of one worker run shares, in shared memory so that a message carries
 * it without a copy: the workload (JSON, encoded once per run, decoded once per worker) and a
 * flag the lab raises to stop the run. A worker that meets the flag skips the task: one stop per
 * run, not a signal per task.
 *
 * Layout: Int32 stop flag, Int32 byte length of the JSON, Int32 run id, pad, then the UTF-8 bytes.
 *
 * A pool keeps one such buffer, its mailbox, that every worker got when it started: a run written
 * there needs no buffer in its messages at all, and a task message is a single number.
 */
export interface RunShare {
  readonly id: number;
  readonly buffer: SharedArrayBuffer;
  /** True when the run was written into the pool's mailbox, which every worker already has. */
  readonly inMailbox: boolean;
}

const HEADER_BYTES = 16;
let lastRunId = 0;

/** An empty mailbox with room for a workload of `bytes` bytes of JSON. */
export function createMailbox(bytes = 4 << 20): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + bytes);
}

/**
 * Encodes the workload for one run, under a run id unique in this process: into `mailbox` when
 * one is lent and the workload fits, else into a buffer of its own that each message carries.
 */
export function shareRun(workload: WorkloadSpec, mailbox?: SharedArrayBuffer): RunShare {
  const bytes = new TextEncoder().encode(JSON.stringify(workload));
  const inMailbox = mailbox !== undefined && HEADER_BYTES + bytes.length <= mailbox.byteLength;
  const buffer = inMailbox ? mailbox : new SharedArrayBuffer(HEADER_BYTES + bytes.length);
  const header = new Int32Array(buffer, 0, 3);
  const id = ++lastRunId;
  Atomics.store(header, 0, 0);
  header[1] = bytes.length;
  new Uint8Array(buffer, HEADER_BYTES, bytes.length).set(bytes);
  // The id last: a worker that sees it sees the workload written before it.
  Atomics.store(header, 2, id);
  return { id, buffer, inMailbox };
}

/** Reads the id of the run a shared buffer (a mailbox) holds now; the view is made once. */
export function runIdReader(buffer: SharedArrayBuffer): () => number {
  const header = new Int32Array(buffer, 0, 3);
  return () => Atomics.load(header, 2);
}

/** A task message as one number: the task's index and whether to record its steps (mailbox runs only). */
export function taskNumber(task: number, steps: boolean): number {
  return task * 2 + (steps ? 1 : 0);
}

/** The task index and the steps flag of a task number. */
export function fromTaskNumber(n: number): { task: number; steps: boolean } {
  return { task: Math.floor(n / 2), steps: n % 2 === 1 };
}

/** The workload of a shared run (worker side, once per run). */
export function sharedWorkload(buffer: SharedArrayBuffer): WorkloadSpec {
  const length = new Int32Array(buffer, 0, 3)[1]!;
  // TextDecoder refuses views of shared memory: copy the bytes out first.
  return JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, HEADER_BYTES, length).slice())) as WorkloadSpec;
}

/** Raises the run's stop flag: workers skip the tasks they have not started. */
export function stopRun(buffer: SharedArrayBuffer): void {
  Atomics.store(new Int32Array(buffer, 0, 1), 0, 1);
}

/** The run's stop flag, as a view to keep: read it with `Atomics.load(flag, 0) === 1`. */
export function stopFlag(buffer: SharedArrayBuffer): Int32Array {
  return new Int32Array(buffer, 0, 1);
}
