import type { Socket } from 'node:net';
import { EchoTimeoutError } from './errors.ts';
import { closeServer, listenOnLoopback } from '../../src/runtime/listen.ts';
import { OpenSockets } from './open-sockets.ts';
import { threadCpuMs, threadCpuSince } from '../../src/runtime/thread-cpu.ts';
import type { RunningServer, ServeOptions, ServerReport } from './server-report.ts';

/**
 * The reference: the echo server as Node's documentation writes it, with `net` callbacks and no
 * scheduler. It stops accepting after `connections` clients and stops when they have all closed,
 * or when `timeoutMs` runs out (then every socket is destroyed and `done` rejects).
 */
export async function startNetServer(options: ServeOptions): Promise<RunningServer> {
  const { server, port } = await listenOnLoopback({ noDelay: true });
  const sockets = new OpenSockets();
  const busySince = performance.eventLoopUtilization();
  const cpuSince = threadCpuMs();
  let bytesEchoed = 0;
  let failure: Error | undefined;
  let stopped: (() => void) | undefined;
  const finished = new Promise<void>((resolve) => (stopped = resolve));
  const abort = (reason: Error): void => {
    failure ??= reason;
    sockets.destroyAll();
    stopped?.();
  };
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    if (sockets.accepted === options.connections) server.close(() => stopped?.());
    socket.on('data', (chunk: Buffer) => {
      bytesEchoed += chunk.length;
      if (!socket.write(chunk)) {
        socket.pause();
        socket.once('drain', () => socket.resume());
      }
    });
    socket.on('error', () => socket.destroy());
  });
  const timer = setTimeout(
    () => abort(new EchoTimeoutError('net echo server', options.timeoutMs, `${sockets.accepted} of ${options.connections} connections accepted`)),
    options.timeoutMs,
  );

  const serve = async (): Promise<ServerReport[]> => {
    await finished;
    clearTimeout(timer);
    await closeServer(server);
    await sockets.allClosed(1_000);
    if (failure !== undefined) throw failure;
    const busyMs = performance.eventLoopUtilization(busySince).active;
    return [{ kind: 'net', connections: sockets.accepted, bytesEchoed, openSockets: sockets.count, listening: server.listening, busyMs, cpuMs: threadCpuSince(cpuSince) }];
  };
  return { ports: [port], done: serve(), abort };
}
