const blocker = new Int32Array(new SharedArrayBuffer(4));

/**
 * Blocks the calling thread for `ms` milliseconds, as a synchronous I/O call would.
 * No other task on this thread can run meanwhile: that is the point.
 */
export function blockThread(ms: number): void {
  if (ms > 0) Atomics.wait(blocker, 0, 0, ms);
}
