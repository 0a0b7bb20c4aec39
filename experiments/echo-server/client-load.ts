import { connect, type Socket } from 'node:net';
import { EchoMismatchError, EchoTimeoutError } from './errors.ts';
import { messageBytes } from './message.ts';

/** N clients, each sending M messages one at a time and waiting for each echo before the next. */
export interface ClientLoad {
  /** Servers to connect to: client c connects to `ports[c % ports.length]`. */
  readonly ports: readonly number[];
  readonly clients: number;
  readonly messages: number;
  readonly messageBytes: number;
  /** The whole load (connect, all messages, close) is bounded by this; then every socket is destroyed. */
  readonly timeoutMs: number;
}

/** What the clients measured. */
export interface LoadResult {
  readonly messages: number;
  readonly bytesSent: number;
  readonly bytesEchoed: number;
  /** From the moment every client had connected to the last echo. */
  readonly wallMs: number;
  /** Round-trip time of every message, ms, in no particular order. */
  readonly rttMs: Float64Array;
  /** Client sockets that had closed when the load ended: all of them, or something leaked. */
  readonly socketsClosed: number;
}

interface Client {
  readonly id: number;
  readonly socket: Socket;
  sent: number;
  expected: Buffer;
  received: Buffer[];
  receivedBytes: number;
  sentAt: number;
}

/**
 * Runs the load to its end and closes every client socket, also when it fails: a timeout, a
 * refused connection or an echo that differs from what was sent rejects after everything is closed.
 */
export async function runClientLoad(load: ClientLoad, signal?: AbortSignal): Promise<LoadResult> {
  const rtt = new Float64Array(load.clients * load.messages);
  let rttCount = 0;
  let bytesSent = 0;
  let bytesEchoed = 0;
  let finishedClients = 0;
  let closed = 0;
  let startedAt = 0;
  let endedAt = 0;
  const clients: Client[] = [];
  // `failed` rejects on the first failure (timeout, abort, socket error, wrong echo); every wait races it.
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  let allEchoed: () => void = () => {};
  const echoed = new Promise<void>((resolve) => (allEchoed = resolve));
  const bounded = <T>(promise: Promise<T>): Promise<T> => Promise.race([promise, failed]);
  const timer = setTimeout(
    () => fail(new EchoTimeoutError('echo clients', load.timeoutMs, `${rttCount} of ${rtt.length} messages echoed, ${finishedClients} of ${load.clients} clients done`)),
    load.timeoutMs,
  );
  const onAbort = (): void => fail(signal?.reason instanceof Error ? signal.reason : new Error('echo clients aborted'));
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted === true) onAbort();

  const send = (client: Client): void => {
    client.expected = messageBytes(client.id, client.sent, load.messageBytes);
    client.received = [];
    client.receivedBytes = 0;
    client.sentAt = performance.now();
    client.socket.write(client.expected);
    bytesSent += load.messageBytes;
  };
  const onData = (client: Client, chunk: Buffer): void => {
    client.received.push(chunk);
    client.receivedBytes += chunk.length;
    bytesEchoed += chunk.length;
    if (client.receivedBytes < load.messageBytes) return;
    const echoed = client.received.length === 1 ? client.received[0]! : Buffer.concat(client.received);
    if (!echoed.equals(client.expected)) return fail(new EchoMismatchError(client.id, client.sent));
    rtt[rttCount++] = performance.now() - client.sentAt;
    client.sent++;
    if (client.sent < load.messages) return send(client);
    // Done: half-close at once, which is what tells a one-at-a-time server to take the next client.
    client.socket.end();
    if (++finishedClients === load.clients) {
      endedAt = performance.now();
      allEchoed();
    }
  };

  try {
    await bounded(
      Promise.all(
        Array.from({ length: load.clients }, (_, id) => {
          const socket = connect({ port: load.ports[id % load.ports.length]!, host: '127.0.0.1', noDelay: true });
          const client: Client = { id, socket, sent: 0, expected: Buffer.alloc(0), received: [], receivedBytes: 0, sentAt: 0 };
          clients.push(client);
          socket.on('data', (chunk: Buffer) => onData(client, chunk));
          socket.on('error', (error) => fail(error));
          socket.on('close', () => closed++);
          return new Promise<void>((resolve) => socket.once('connect', resolve));
        }),
      ),
    );
    startedAt = performance.now();
    for (const client of clients) send(client);
    await bounded(echoed);
    await bounded(Promise.all(clients.map((c) => closedEvent(c.socket))));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    for (const c of clients) c.socket.destroy();
    await Promise.all(clients.map((c) => closedEvent(c.socket)));
  }
  return { messages: rttCount, bytesSent, bytesEchoed, wallMs: endedAt - startedAt, rttMs: rtt.subarray(0, rttCount), socketsClosed: closed };
}

function closedEvent(socket: Socket): Promise<void> {
  return socket.closed ? Promise.resolve() : new Promise((resolve) => socket.once('close', () => resolve()));
}
