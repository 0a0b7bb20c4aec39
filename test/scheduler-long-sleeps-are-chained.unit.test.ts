import { describe, expect, it } from 'vitest';
import { RunTimeoutError, Scheduler, sleep } from '../src/scheduler/index.ts';
import { scriptInProcess } from './helpers/e2e-script-in-process.ts';

/**
 * As a user of the scheduler API would: one task sleeps `ms`, the run is bounded at 300 ms. Returns, as
 * JSON, how many timers were armed meanwhile (setTimeout counted while the run lasts) and how the run ended.
 */
async function longSleep(ms: number): Promise<string> {
  let timers = 0;
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = ((...args: Parameters<typeof realSetTimeout>) => {
    timers++;
    return realSetTimeout(...args);
  }) as typeof realSetTimeout;
  try {
    function* sleeper(): Generator<unknown, void, unknown> {
      yield sleep(ms);
    }
    const scheduler = new Scheduler({ timeoutMs: 300 });
    scheduler.spawn('sleeper', sleeper() as never);
    const report = await scheduler.run();
    return JSON.stringify({ timers, timedOut: report.aborted?.reason instanceof RunTimeoutError });
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
}

describe('sleep(ms) beyond the range of Node timers (2^31 - 1 ms)', () => {
  for (const ms of [2 ** 31 + 10, 2 ** 40, 8.64e15]) {
    it(`sleep(${ms}): one timer at a time, no TimeoutOverflowWarning, the run still times out`, async () => {
      const { code, stdout, stderr } = await scriptInProcess(() => longSleep(ms));
      expect(stderr).not.toContain('TimeoutOverflowWarning');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const { timers, timedOut } = JSON.parse(stdout) as { timers: number; timedOut: boolean };
      expect(timedOut).toBe(true);
      // The run's own timeout, and the sleep's clamped timer (re-armed once at most): not one per millisecond.
      expect(timers).toBeLessThan(10);
    });
  }
});
