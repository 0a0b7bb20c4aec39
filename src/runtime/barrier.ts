/**
 * A one-shot barrier on shared memory: `parties` threads call `arriveAndWait` and none
 * returns `true` until all of them have arrived. It can only be passed by threads that
 * run at the same time, which makes it a proof of parallelism that no timing can fake.
 */
export function createBarrier(): SharedArrayBuffer {
  return new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
}

/** Arrives and blocks until `parties` threads have arrived; `false` if `timeoutMs` ran out first. */
export function arriveAndWait(barrier: SharedArrayBuffer, parties: number, timeoutMs: number): boolean {
  const count = new Int32Array(barrier);
  const arrived = Atomics.add(count, 0, 1) + 1;
  if (arrived >= parties) {
    Atomics.notify(count, 0);
    return true;
  }
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const seen = Atomics.load(count, 0);
    if (seen >= parties) return true;
    const left = deadline - performance.now();
    if (left <= 0) return false;
    Atomics.wait(count, 0, seen, left);
  }
}
