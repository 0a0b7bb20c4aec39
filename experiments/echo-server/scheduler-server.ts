import { RunTimeoutError, Scheduler, type PolicyName, type RunReport } from '../../src/scheduler/index.ts';
import { AcceptQueue } from './accept-queue.ts';
import { acceptConcurrently, acceptOneAtATime, type EchoCounter } from './echo-tasks.ts';
import { EchoTimeoutError } from './errors.ts';
import { closeServer, listenOnLoopback } from '../../src/runtime/listen.ts';
import { OpenSockets } from './open-sockets.ts';
import { threadCpuMs, threadCpuSince } from '../../src/runtime/thread-cpu.ts';
import type { RunningServer, ServeOptions, ServerReport } from './server-report.ts';

/** How the lab's scheduler serves connections: one at a time (fifo), or a task each (round-robin). */
export type SchedulerServerStyle = 'sequential' | 'interleaved';

const policies: Record<SchedulerServerStyle, PolicyName> = { sequential: 'fifo', interleaved: 'round-robin' };

/**
 * An echo server driven by the lab's scheduler on this thread. It stops by itself once it has
 * accepted and served `connections` clients, or when `timeoutMs` runs out: every task is then
 * cancelled, every socket closed, and `done` rejects.
 */
export async function startSchedulerServer(style: SchedulerServerStyle, options: ServeOptions): Promise<RunningServer> {
  // One at a time: connections not yet accepted are not even read; the kernel holds their bytes.
  const { server, port } = await listenOnLoopback({ pauseOnConnect: style === 'sequential', noDelay: true });
  const sockets = new OpenSockets();
  server.on('connection', (socket) => sockets.add(socket));
  const queue = new AcceptQueue(server);
  const counter: EchoCounter = { bytes: 0 };
  const stop = new AbortController();
  const scheduler = new Scheduler({ policy: policies[style], timeoutMs: options.timeoutMs, signal: stop.signal });
  const accept = style === 'sequential' ? acceptOneAtATime : acceptConcurrently;
  scheduler.spawn('acceptor', accept(queue, options.connections, counter));

  const serve = async (): Promise<ServerReport[]> => {
    const busySince = performance.eventLoopUtilization();
    const cpuSince = threadCpuMs();
    let report: RunReport | undefined;
    let failure: unknown;
    try {
      report = await scheduler.run();
      failure = report.aborted?.reason ?? report.failures[0];
    } catch (error) {
      failure = error;
    }
    queue.close();
    if (failure !== undefined) sockets.destroyAll();
    await closeServer(server);
    await sockets.allClosed(1_000);
    if (failure instanceof RunTimeoutError) {
      throw new EchoTimeoutError(`${style} echo server`, options.timeoutMs, `${sockets.accepted} of ${options.connections} connections accepted`);
    }
    if (failure !== undefined) throw failure;
    const busyMs = performance.eventLoopUtilization(busySince).active;
    return [{ kind: style, connections: sockets.accepted, bytesEchoed: counter.bytes, openSockets: sockets.count, listening: server.listening, busyMs, cpuMs: threadCpuSince(cpuSince), steps: report!.steps }];
  };
  return { ports: [port], done: serve(), abort: (reason) => stop.abort(reason) };
}
