import { Redis } from 'ioredis';
import { connectionOptions, type RedisTarget } from './redis-target.ts';

/**
 * Ends the reconnecting of every client made with it (and of BullMQ's copies of them, which share
 * the retry strategy) once its owner closes: a client whose Redis is gone must not retry for ever,
 * nor can BullMQ revive it after that, and nothing then holds the process.
 */
export class ClientLifetime {
  private ended = false;

  get over(): boolean {
    return this.ended;
  }

  end(): void {
    this.ended = true;
  }
}

/**
 * A client as BullMQ wants it under ESM: made by the lab, `maxRetriesPerRequest: null` (commands
 * wait through reconnects instead of failing), errors kept rather than printed. Since such a client
 * waits forever for a Redis that is gone, every run is watched by `watchRedis`, and every client
 * stops reconnecting when its `lifetime` ends.
 */
export function queueClient(target: RedisTarget, name: string, lifetime: ClientLifetime = new ClientLifetime()): Redis {
  // Reconnect attempts back off to one a second, until the lifetime ends (null: stop reconnecting).
  const retryStrategy = (attempt: number): number | null => (lifetime.over ? null : Math.min(50 * attempt, 1000));
  const client = new Redis({ ...connectionOptions(target), connectionName: name, maxRetriesPerRequest: null, lazyConnect: true, retryStrategy });
  client.on('error', ignore);
  return client;
}

function ignore(): void {}

/**
 * Closes a client whatever state it is in, without waiting on a Redis that may be gone: a frozen
 * Redis never closes its side of the socket, so the socket is destroyed rather than half-closed.
 */
export function closeClient(client: Redis): void {
  client.disconnect(false);
  // No stream before the first connect.
  (client.stream as typeof client.stream | undefined)?.destroy();
}
