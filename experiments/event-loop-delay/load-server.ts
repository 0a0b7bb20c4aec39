import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopbackPort } from '../../src/runtime/listen.ts';
import { LoopWatch, type LoopFigures } from './loop-watch.ts';
import type { PlainPool } from '../../src/runtime/plain-pool.ts';
import { threadCpuMs, threadCpuSince } from '../../src/runtime/thread-cpu.ts';
import { createExpensiveWay, type ExpensiveWayName, type WorkSettings } from './expensive-way.ts';
import { CHEAP_BODY, routes } from './load-protocol.ts';

export interface LoadServerOptions {
  readonly way: ExpensiveWayName;
  readonly work: WorkSettings;
  /** The warm pool the `offloaded` and `batched` ways hand work to. */
  readonly pool?: PlainPool;
  /** The server stops by itself this long after it started, whatever the load is doing. */
  readonly deadlineMs: number;
}

/** What the server saw, from its start to its stop. */
export interface LoadServerReport {
  readonly way: ExpensiveWayName;
  readonly cheapAnswered: number;
  readonly expensiveAnswered: number;
  readonly poolTasks: number;
  readonly stoppedBy: 'stop' | 'deadline';
  /** Still listening after the stop (never, unless closing failed). */
  readonly listening: boolean;
  readonly loop: LoopFigures;
  /** CPU time of the server's thread (the lab's main thread), ms, where the system tells it. */
  readonly serverCpuMs: number | undefined;
}

export interface RunningLoadServer {
  readonly port: number;
  /** Stops the server (closing every connection) and reports; the same report if it already stopped. */
  stop(): Promise<LoadServerReport>;
  /** Settles when the server has stopped, by `stop()` or by its deadline. */
  readonly stopped: Promise<LoadServerReport>;
}

/**
 * An HTTP server on 127.0.0.1 (a port the system picks) with a cheap route and an expensive one,
 * served the way `options.way` says, with its event loop watched from start to stop.
 */
export async function startLoadServer(options: LoadServerOptions): Promise<RunningLoadServer> {
  let failure: unknown;
  const way = createExpensiveWay(options.way, options.work, options.pool, (error) => (failure ??= error));
  let cheapAnswered = 0;
  let expensiveAnswered = 0;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.url === routes.cheap) {
      cheapAnswered++;
      response.end(CHEAP_BODY);
    } else if (request.url === routes.expensive) {
      way.handle((checksum) => {
        expensiveAnswered++;
        response.end(String(checksum));
      });
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  const port = await listenOnLoopbackPort(server);
  const watch = new LoopWatch();
  const cpuSince = threadCpuMs();

  let stopping: Promise<LoadServerReport> | undefined;
  let settleStopped: (report: Promise<LoadServerReport>) => void = () => {};
  const stopped = new Promise<LoadServerReport>((resolve) => (settleStopped = resolve));
  const stop = (stoppedBy: LoadServerReport['stoppedBy']): Promise<LoadServerReport> => {
    stopping ??= (async () => {
      clearTimeout(deadline);
      const loop = watch.stop();
      const serverCpuMs = threadCpuSince(cpuSince);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await way.close();
      if (failure !== undefined) throw failure;
      return { way: options.way, cheapAnswered, expensiveAnswered, poolTasks: way.poolTasks, stoppedBy, listening: server.listening, loop, serverCpuMs };
    })();
    settleStopped(stopping);
    return stopping;
  };
  const deadline = setTimeout(() => void stop('deadline').catch(() => {}), options.deadlineMs);
  // Whoever stops it, `stopped` settles; a failed stop that nobody awaits must not be an unhandled rejection.
  stopped.catch(() => {});
  return { port, stop: () => stop('stop'), stopped };
}
