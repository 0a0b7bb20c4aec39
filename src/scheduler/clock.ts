/**
 * One monotonic millisecond clock shared by every thread of the process.
 *
 * `performance.now()` is fast but each worker thread counts from its own origin;
 * `process.hrtime` reads the same CLOCK_MONOTONIC in every thread but allocates.
 * Both read the same underlying clock, so one hrtime reading at module load gives
 * each thread the offset that puts its `performance.now()` on the shared timeline.
 */
const offsetMs = hrtimeOffset();

/**
 * hrtime minus performance.now(), from the tightest of a few bracketed readings: a thread taken off
 * the CPU between the two reads (a busy machine) would otherwise shift its whole timeline by
 * milliseconds against the other threads and processes.
 */
function hrtimeOffset(): number {
  let best = Number.POSITIVE_INFINITY;
  let offset = 0;
  for (let i = 0; i < 9; i++) {
    const before = performance.now();
    const hr = Number(process.hrtime.bigint()) / 1e6;
    const after = performance.now();
    if (after - before < best) {
      best = after - before;
      offset = hr - (before + after) / 2;
    }
  }
  return offset;
}
// Bound once: a traced step reads the clock, and the method lookup on `performance` is a
// measurable part of a read that costs about as much as a whole task switch.
const performanceNow = performance.now.bind(performance);

/** Milliseconds on the process-wide monotonic clock (same origin in all threads). */
export function sharedNow(): number {
  return performanceNow() + offsetMs;
}

/** A `performance.now()` reading of this thread (e.g. a PerformanceEntry's startTime) on the shared clock. */
export function toSharedMs(performanceMs: number): number {
  return performanceMs + offsetMs;
}

/** A source of milliseconds; injected where a test needs control over time. */
export type Clock = () => number;
