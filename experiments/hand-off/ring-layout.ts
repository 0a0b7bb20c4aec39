// The shared memory of the ring ways: one cache line per worker (so that a worker's writes do not
// slow another's reads), and one line for the counter of finished tasks the main thread watches.

/** Int32 slots per cache line of 64 bytes. */
export const LINE = 16;
/** The counter of finished tasks, bumped by every worker: the main thread sleeps on it or spins on it. */
export const DONE = 0;

/** Offsets in a worker's line. */
export const EPOCH = 0;
export const MODE = 1;
export const TASK = 2;
export const UNITS = 3;
export const SEED = 4;
export const DONE_TASK = 5;
export const RESULT = 6;

/** What a ring worker does while it has no task: sleep in `Atomics.wait`, spin on its line, or end. */
export const SLEEP = 0;
export const SPIN = 1;
export const STOP = 2;

/** Where worker `index`'s line starts (the first line is the done counter's). */
export function lineOf(index: number): number {
  return (index + 1) * LINE;
}

/** The shared memory of a ring of `workers` workers. */
export function ringBuffer(workers: number): SharedArrayBuffer {
  return new SharedArrayBuffer((workers + 1) * LINE * Int32Array.BYTES_PER_ELEMENT);
}
