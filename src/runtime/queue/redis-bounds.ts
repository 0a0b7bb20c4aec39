/**
 * How long the lab waits for its Redis to answer before it says so and stops, unless
 * `--redis-timeout` says otherwise, ms. Apart from the watchdog and the session, which load ioredis,
 * so that `--help` can print them without loading it.
 */
export const REDIS_BOUNDS_MS = {
  /** A distributed run's health check: a PING answered later than this fails the run. */
  run: 3000,
  /** Each step of opening a queue session (connecting, the queue, the clock, the control key). */
  open: 10_000,
  /** `worker`'s watch on its Redis: its worker processes are stopped after this long without an answer. */
  worker: 10_000,
} as const;

/** A queue session's bounds, ms: `--redis-timeout` (as ms) sets both, else each has its default. */
export function sessionBounds(redisTimeoutMs: number | undefined): { readonly openStepMs: number; readonly answerWithinMs: number } {
  return { openStepMs: redisTimeoutMs ?? REDIS_BOUNDS_MS.open, answerWithinMs: redisTimeoutMs ?? REDIS_BOUNDS_MS.run };
}
