import { describe, expect, it } from 'vitest';
import { runTs } from './helpers/cli.ts';

describe('sleep(ms) beyond the range of Node timers (2^31 - 1 ms)', () => {
  for (const ms of [2 ** 31 + 10, 2 ** 40, 8.64e15]) {
    it(`sleep(${ms}): one timer at a time, no TimeoutOverflowWarning, the run still times out`, async () => {
      const { code, stdout, stderr } = await runTs('test/fixtures/long-sleep.ts', [String(ms)]);
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
