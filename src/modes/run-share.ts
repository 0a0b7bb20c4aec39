import type { WorkloadSpec } from '../workload/spec.ts';

/**
 * What every task message of one worker run shares, in shared memory so that a message carries
 * it without a copy: the workload (JSON, encoded once per run, decoded once per worker) and a
 * flag the lab raises to stop the run. A worker that meets the flag skips the task: one stop per
 * run, not a signal per task.
 *
 * Layout: Int32 stop flag, Int32 byte length of the JSON, then the UTF-8 bytes.
 */
export interface RunShare {
  readonly id: number;
  readonly buffer: SharedArrayBuffer;
}

const HEADER_BYTES = 8;
let lastRunId = 0;

/** Encodes the workload for one run, under a run id unique in this process. */
export function shareRun(workload: WorkloadSpec): RunShare {
  const bytes = new TextEncoder().encode(JSON.stringify(workload));
  const buffer = new SharedArrayBuffer(HEADER_BYTES + bytes.length);
  new Int32Array(buffer, 0, 2)[1] = bytes.length;
  new Uint8Array(buffer, HEADER_BYTES).set(bytes);
  return { id: ++lastRunId, buffer };
}

/** The workload of a shared run (worker side, once per run). */
export function sharedWorkload(buffer: SharedArrayBuffer): WorkloadSpec {
  const length = new Int32Array(buffer, 0, 2)[1]!;
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
