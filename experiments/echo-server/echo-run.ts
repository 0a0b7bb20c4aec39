import type { ClientThread } from './client-thread.ts';
import type { LoadResult } from './client-load.ts';
import { latency, type Latency } from '../../src/measure/percentile.ts';
import { startNetServer } from './net-server.ts';
import { startSchedulerServer } from './scheduler-server.ts';
import type { EchoServerKind, RunningServer, ServerReport } from './server-report.ts';
import type { WorkerServers } from './worker-servers.ts';

/** The size of one run: N clients x M messages of S bytes, and the bound on its duration. */
export interface EchoLoadSize {
  readonly clients: number;
  readonly messages: number;
  readonly messageBytes: number;
  readonly timeoutMs: number;
}

/** Threads that outlive single runs: the clients' thread, and the server workers for `parallel`. */
export interface EchoThreads {
  readonly clients: ClientThread;
  readonly servers: WorkerServers;
}

/** One echo run against one server: what the clients measured and what the server(s) said once stopped. */
export interface EchoRun {
  readonly kind: EchoServerKind;
  readonly serverThreads: number;
  readonly load: Omit<LoadResult, 'rttMs'>;
  readonly messagesPerSecond: number;
  readonly latency: Latency;
  readonly servers: readonly ServerReport[];
}

/**
 * How much longer the clients wait than the server. The server's bound is the run's bound; the
 * clients' own is a backstop for a server that never answers. With equal bounds, the clients' timer
 * (on their own thread) could fire before the server's (on a busy thread), reset every socket, and
 * the server would report that reset instead of the time bound that caused it.
 */
const CLIENTS_GRACE_MS = 1_000;

function startServer(kind: EchoServerKind, size: EchoLoadSize, threads: EchoThreads): Promise<RunningServer> {
  const serve = { connections: size.clients, timeoutMs: size.timeoutMs };
  switch (kind) {
    case 'net':
      return startNetServer(serve);
    case 'parallel':
      return threads.servers.serve(size.clients, size.timeoutMs);
    default:
      return startSchedulerServer(kind, serve);
  }
}

/**
 * Starts a server of the given kind, runs the client load against it on the client thread, and
 * waits for the server to stop by itself. If anything fails, the server is aborted (every socket
 * closed) before the error is passed on.
 */
export async function runEcho(kind: EchoServerKind, size: EchoLoadSize, threads: EchoThreads, signal?: AbortSignal): Promise<EchoRun> {
  signal?.throwIfAborted();
  const server = await startServer(kind, size, threads);
  // A server that fails first (its time bound, a worker) stops the clients at once, and its error is the one reported.
  const serverFailed = new AbortController();
  server.done.catch((error: unknown) => serverFailed.abort(error));
  const stop = signal === undefined ? serverFailed.signal : AbortSignal.any([serverFailed.signal, signal]);
  let result: LoadResult;
  try {
    result = await threads.clients.run({ ports: server.ports, clients: size.clients, messages: size.messages, messageBytes: size.messageBytes, timeoutMs: size.timeoutMs + CLIENTS_GRACE_MS }, stop);
  } catch (error) {
    server.abort(error instanceof Error ? error : new Error(String(error)));
    await server.done.catch(() => {});
    throw serverFailed.signal.aborted ? serverFailed.signal.reason : error;
  }
  const servers = await server.done;
  const { rttMs, ...load } = result;
  return {
    kind,
    serverThreads: server.ports.length,
    load,
    messagesPerSecond: load.messages / (load.wallMs / 1000),
    latency: latency(rttMs),
    servers,
  };
}
