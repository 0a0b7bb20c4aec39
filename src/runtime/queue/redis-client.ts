import { Redis } from 'ioredis';
import { RedisTargetError } from './errors.ts';
import { connectionOptions, type RedisTarget } from './redis-target.ts';

/**
 * A client as BullMQ wants it under ESM: made by the lab, `maxRetriesPerRequest: null` (commands
 * wait through reconnects instead of failing), errors kept rather than printed. Since such a client
 * waits forever for a Redis that is gone, every run is watched by `watchRedis`.
 */
export function queueClient(target: RedisTarget, name: string): Redis {
  const client = new Redis({ ...connectionOptions(target), connectionName: name, maxRetriesPerRequest: null, lazyConnect: true, retryStrategy: retryEvery });
  client.on('error', ignore);
  return client;
}

/** Reconnect attempts back off to one a second, for as long as the client lives. */
function retryEvery(attempt: number): number {
  return Math.min(50 * attempt, 1000);
}

function ignore(): void {}

/** Answers PING within `timeoutMs`, or throws naming the URL; for the first contact, where waiting forever is no use. */
export async function checkReachable(target: RedisTarget, timeoutMs = 3000): Promise<void> {
  const probe = new Redis({ ...connectionOptions(target), connectionName: 'lab-probe', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs });
  let lastError: unknown;
  probe.on('error', (error: unknown) => (lastError = error));
  try {
    await withTimeout(probe.connect().then(() => probe.ping()), timeoutMs);
  } catch (error) {
    const cause = lastError ?? error;
    throw new RedisTargetError(`--redis ${target.url}: no Redis answered there (${cause instanceof Error ? cause.message : String(cause)}); give the URL or socket of a running Redis, or leave --redis out to let the lab start its own`);
  } finally {
    probe.disconnect();
  }
}

/** `promise`, or a rejection once `ms` pass. */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a client whatever state it is in, without waiting on a Redis that may be gone. */
export function closeClient(client: Redis): void {
  client.disconnect(false);
}
