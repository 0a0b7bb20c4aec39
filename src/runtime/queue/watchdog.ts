import type { Redis } from 'ioredis';
import { RedisUnavailableError } from './errors.ts';
import { ClientLifetime, closeClient, queueClient } from './redis-client.ts';
import { withTimeout } from '../with-timeout.ts';
import type { RedisTarget } from './redis-target.ts';
import { REDIS_BOUNDS_MS } from './redis-bounds.ts';

/** How often the watchdog asks, and how long an answer may take before Redis counts as gone. */
export interface WatchdogOptions {
  readonly everyMs?: number;
  /** Default: a run's bound, `REDIS_BOUNDS_MS.run` (`--redis-timeout` sets it). */
  readonly answerWithinMs?: number;
  /** Resolves when a private Redis exited: no need to wait for a missed answer. */
  readonly exited?: Promise<string>;
  /** What the failure says after "Redis at URL", given the wait in seconds; by default, that it stopped answering mid-run. */
  readonly silence?: (seconds: number) => string;
}

/** A watch over one run; `failed` rejects with a `RedisUnavailableError` naming the URL. */
export interface Watchdog {
  readonly failed: Promise<never>;
  stop(): void;
}

const midRun = (seconds: number): string => `stopped answering mid-run (no reply to PING within ${seconds} s); the run was stopped rather than left waiting`;

/**
 * The lab's own watch on Redis. BullMQ's clients are made with `maxRetriesPerRequest: null`, so a
 * command to a Redis that is gone waits forever; without this, a run whose Redis died would hang.
 * Asks PING on `client` every `everyMs`; an answer later than `answerWithinMs`, or a private
 * server's exit, fails the watch. `client` must be a connection of its own: a PING on a busy
 * connection waits behind every reply before it (a bulk add of many jobs), and would fail a run
 * whose Redis is alive.
 */
export function watchRedis(client: Redis, url: string, options: WatchdogOptions = {}): Watchdog {
  const everyMs = options.everyMs ?? 250;
  const answerWithinMs = options.answerWithinMs ?? REDIS_BOUNDS_MS.run;
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
      if (!stopped) fail(new RedisUnavailableError(url, (options.silence ?? midRun)(answerWithinMs / 1000)));
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

/** A watch on `target` over a connection of its own, for a command with no run to fail (`worker`); `stop` closes that connection. */
export function watchTarget(target: RedisTarget, options: WatchdogOptions = {}): Watchdog {
  const lifetime = new ClientLifetime();
  // Lazy: the first PING connects, and waits (within the answer's bound) if nothing is there.
  const client = queueClient(target, `lab-worker-health-${process.pid}`, lifetime);
  const watchdog = watchRedis(client, target.url, options);
  return {
    failed: watchdog.failed,
    stop() {
      watchdog.stop();
      lifetime.end();
      closeClient(client);
    },
  };
}
