import { describe, expect, it } from 'vitest';
import { runSequential } from '../src/modes/index.ts';
import { RedisUnavailableError } from '../src/runtime/queue/errors.ts';
import { QueueSession } from '../src/runtime/queue/queue-session.ts';
import { startPrivateRedis } from '../src/runtime/queue/redis-server.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';
import { needsService } from './helpers/services.ts';

const redisServer = needsService('redis-server');

/** One task that holds its worker on a timer (its lock is still renewed meanwhile), long enough to be killed mid-job. */
const long = (ms: number): WorkloadSpec => ({ name: 'long', tasks: [{ name: 'slow', parts: [{ kind: 'cpu', units: 30 }, { kind: 'wait', ms }, { kind: 'cpu', units: 30 }] }] });

describe.skipIf(redisServer.skip)(redisServer.title('queue failures'), () => {
  it("retries a killed worker's job on another worker once its lock runs out, and counts it once", async () => {
    // Lowered for this test only: BullMQ's defaults (30 s) would make it wait half a minute.
    const session = await QueueSession.open({ workers: 2, lockDurationMs: 1000, stalledIntervalMs: 500, announce: true });
    try {
      const started: number[] = [];
      const run = await session.run(long(1500), {
        onStart: (_task, { pid }) => {
          if (started.length === 0) process.kill(pid, 'SIGKILL');
          started.push(pid);
        },
      });
      expect(started).toHaveLength(2);
      expect(started[1]).not.toBe(started[0]);
      expect(run.jobs).toHaveLength(1);
      expect(run.retried).toBe(1);
      expect(run.jobs[0]!.result.attempt).toBe(2);
      expect(run.jobs[0]!.result.pid).toBe(started[1]);
      expect(run.jobs[0]!.result.checksum).toBe((await runSequential(long(1500))).tasks[0]!.checksum);
    } finally {
      await session.close();
    }
  });

  it('fails a run whose Redis stops answering with an error naming the URL, instead of hanging', async () => {
    // A Redis of the test's own, given to the session as a user's --redis would be: only the watchdog can tell it went away.
    const redis = await startPrivateRedis();
    // A short bound (--redis-timeout 1): the run's default reaches its watchdog in redis-timeout-reaches-the-watchdogs.unit.test.ts.
    const session = await QueueSession.open({ redis: redis.target, workers: 1, announce: true, redisTimeoutMs: 1000 });
    try {
      let jobStarted = (): void => {};
      const started = new Promise<void>((resolve) => (jobStarted = resolve));
      const running = session.run(long(60_000), { onStart: () => jobStarted() });
      const outcome = running.then(
        () => 'finished',
        (error: unknown) => error,
      );
      // Mid-run: the job is on its worker (or the run already ended, which the expectations below report).
      await Promise.race([started, outcome]);
      await redis.stop();
      const error = await outcome;
      expect(error).toBeInstanceOf(RedisUnavailableError);
      expect((error as Error).message).toContain(redis.target.url);
      expect((error as Error).message).toMatch(/stopped answering mid-run \(no reply to PING within 1 s\)/);
    } finally {
      await session.close();
      await redis.stop();
    }
  });
});
