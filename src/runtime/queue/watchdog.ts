import type { Redis } from 'ioredis';
import { RedisUnavailableError } from './errors.ts';
import { withTimeout } from './redis-client.ts';

/** How often the watchdog asks, and how long an answer may take before Redis counts as gone. */
export interface WatchdogOptions {
  readonly everyMs?: number;
  readonly answerWithinMs?: number;
  /** Resolves when a private Redis exited: no need to wait for a missed answer. */
  readonly exited?: Promise<string>;
}

/** A watch over one run; `failed` rejects with a `RedisUnavailableError` naming the URL. */
export interface Watchdog {
  readonly failed: Promise<never>;
  stop(): void;
}

/**
 * The lab's own watch on Redis during a run. BullMQ's clients are made with
 * `maxRetriesPerRequest: null`, so a command to a Redis that is gone waits forever; without this,
 * a run whose Redis died would hang. Asks PING on `client` every `everyMs`; an answer later than
 * `answerWithinMs`, or a private server's exit, fails the run.
 */
export function watchRedis(client: Redis, url: string, options: WatchdogOptions = {}): Watchdog {
  const everyMs = options.everyMs ?? 250;
  const answerWithinMs = options.answerWithinMs ?? 3000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  // Nobody may be listening when the run ends first.
  failed.catch(() => undefined);
  const ask = async (): Promise<void> => {
    try {
      await withTimeout(client.ping(), answerWithinMs);
      if (!stopped) timer = setTimeout(() => void ask(), everyMs);
    } catch {
      if (!stopped) fail(new RedisUnavailableError(url, `stopped answering mid-run (no reply to PING within ${answerWithinMs / 1000} s); the run was stopped rather than left waiting`));
    }
  };
  timer = setTimeout(() => void ask(), everyMs);
  void options.exited?.then((how) => {
    if (!stopped) fail(new RedisUnavailableError(url, `exited mid-run (${how}); the run was stopped`));
  });
  return {
    failed,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
