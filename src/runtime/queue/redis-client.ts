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
  // No wait for a socket's clean end on disconnect (ioredis's 2 s): closeClient destroys it at once, and on a socket already closed
  // (a Redis that died) that wait was a timer nothing cleared, which held the lab's exit.
  const client = new Redis({ ...connectionOptions(target), connectionName: name, maxRetriesPerRequest: null, lazyConnect: true, retryStrategy, disconnectTimeout: 0 });
  client.on('error', ignore);
  return client;
}

function ignore(): void {}

/**
 * Closes a client whatever state it is in, without waiting on a Redis that may be gone: a frozen
 * Redis never closes its side of the socket, so the socket is destroyed rather than half-closed.
 */
export function closeClient(client: Redis): void {
  const betweenAttempts = client.status === 'reconnecting';
  client.disconnect(false);
  // No stream before the first connect.
  (client.stream as typeof client.stream | undefined)?.destroy();
  // Disconnected between two reconnect attempts (its Redis died), a client has no stream left whose
  // closing would end it: ioredis leaves it "reconnecting" for ever (redis/ioredis#1247), its commands
  // neither sent nor failed. Whoever waits for its end then waits for ever (BullMQ's QueueEvents.close),
  // and so does a command's own timer (BullMQ's guard on its blocking read, 11 s, which held the lab's
  // exit). It is ended here as ioredis ends any other closed client: ended, and its commands failed.
  if (betweenAttempts) {
    client.status = 'end';
    (client as unknown as { flushQueue(error: Error): void }).flushQueue(new Error('Connection is closed.'));
    process.nextTick(() => client.emit('end'));
  }
}
