import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseLabArgs } from '../src/cli/args.ts';
import { workerWatch } from '../src/cli/commands/worker.ts';
import { REDIS_BOUNDS_MS, sessionBounds } from '../src/runtime/queue/redis-bounds.ts';
import { watchRedis, type WatchdogOptions } from '../src/runtime/queue/watchdog.ts';

/** A Redis client whose PING is never answered, as a frozen Redis's. */
const silentClient = { ping: () => new Promise<never>(() => {}) } as unknown as Redis;

/** The line a watch fails with on a silent Redis, once its bound has passed on fake timers; and how long that took, ms. */
async function silenceLine(options: WatchdogOptions): Promise<{ message: string; afterMs: number }> {
  const watch = watchRedis(silentClient, 'redis://r:6379', options);
  let message = '';
  let afterMs = -1;
  void watch.failed.catch((error: unknown) => {
    message = (error as Error).message;
    afterMs = Date.now() - start;
  });
  const start = Date.now();
  for (let waited = 0; message === '' && waited <= 60_000; waited += 50) await vi.advanceTimersByTimeAsync(50);
  watch.stop();
  return { message, afterMs };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('--redis-timeout SECONDS sets how long the lab waits for Redis, where a Redis is used', () => {
  it('takes seconds with fractions, as whole milliseconds, for the distributed experiment, all, run with distributed, and worker', () => {
    expect(parseLabArgs(['distributed', '--redis-timeout', '1.5']).redisTimeoutMs).toBe(1500);
    expect(parseLabArgs(['all', '--redis-timeout', '2']).redisTimeoutMs).toBe(2000);
    expect(parseLabArgs(['run', '--workload', 'w.json', '--modes', 'sequential,distributed', '--redis-timeout', '.25']).redisTimeoutMs).toBe(250);
    expect(parseLabArgs(['worker', '--redis', 'redis://h:6379', '--redis-timeout', '3600']).redisTimeoutMs).toBe(3_600_000);
    expect(parseLabArgs(['worker', '--redis', 'redis://h:6379']).redisTimeoutMs).toBeUndefined();
  });

  it("without it, each bound keeps its default: a run's health check 3 s, each opening step 10 s, worker's watch 10 s", () => {
    expect(REDIS_BOUNDS_MS).toEqual({ run: 3000, open: 10_000, worker: 10_000 });
    expect(sessionBounds(undefined)).toEqual({ openStepMs: REDIS_BOUNDS_MS.open, answerWithinMs: REDIS_BOUNDS_MS.run });
    expect(workerWatch({}).answerWithinMs).toBe(REDIS_BOUNDS_MS.worker);
  });

  it("with it, the session's opening steps and health check, and worker's watch, all wait that long", () => {
    expect(sessionBounds(1500)).toEqual({ openStepMs: 1500, answerWithinMs: 1500 });
    expect(workerWatch({ redisTimeoutMs: 1500 }).answerWithinMs).toBe(1500);
  });

  it("a run's watch on a silent Redis fails after its default bound, and its line says the seconds it waited", async () => {
    vi.useFakeTimers();
    const { message, afterMs } = await silenceLine({});
    expect(message).toBe('Redis at redis://r:6379 stopped answering mid-run (no reply to PING within 3 s); the run was stopped rather than left waiting');
    expect(afterMs).toBeGreaterThanOrEqual(REDIS_BOUNDS_MS.run);
    expect(afterMs).toBeLessThan(REDIS_BOUNDS_MS.run + 1000);
  });

  it("worker's watch on a silent Redis fails after 10 s by default, and after the bound given, each line saying the seconds used", async () => {
    vi.useFakeTimers();
    const byDefault = await silenceLine(workerWatch({}));
    expect(byDefault.message).toBe('Redis at redis://r:6379 stopped answering: no reply to PING for 10 s; the worker processes were stopped');
    expect(byDefault.afterMs).toBeGreaterThanOrEqual(REDIS_BOUNDS_MS.worker);
    expect(byDefault.afterMs).toBeLessThan(REDIS_BOUNDS_MS.worker + 1500);
    const given = await silenceLine(workerWatch({ redisTimeoutMs: 1500 }));
    expect(given.message).toBe('Redis at redis://r:6379 stopped answering: no reply to PING for 1.5 s; the worker processes were stopped');
    expect(given.afterMs).toBeGreaterThanOrEqual(1500);
    expect(given.afterMs).toBeLessThan(1500 + 1500);
  });
});
