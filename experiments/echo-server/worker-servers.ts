import { entryBeside } from '../../src/runtime/entry-points.ts';
import type { RunningServer, ServerReport } from './server-report.ts';
import type { ServerReply, ServerRequest } from './server-protocol.ts';
import { WorkerChannel } from '../../src/runtime/worker-channel.ts';

type ServerChannel = WorkerChannel<ServerRequest, ServerReply>;

/** Every promise settled; the first rejection (if any) is thrown, else the values. */
async function allOrFirstError<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(promises);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

/**
 * Echo servers on worker threads, started once and reused for every run: each worker runs
 * its own server on its own port, and client c connects to worker c mod threads.
 */
export class WorkerServers {
  private constructor(private readonly channels: readonly ServerChannel[]) {}

  static async start(threads: number): Promise<WorkerServers> {
    const file = entryBeside(import.meta.url, 'server-worker');
    const starting = Array.from({ length: threads }, (_, i) => WorkerChannel.start<ServerRequest, ServerReply>(`echo server worker ${i + 1}`, file));
    try {
      return new WorkerServers(await allOrFirstError(starting));
    } catch (error) {
      await Promise.all(starting.map((s) => s.then((c) => c.close(), () => {})));
      throw error;
    }
  }

  get threads(): number {
    return this.channels.length;
  }

  /** Starts one server per worker for `connections` clients in all, shared out as the clients are (c mod threads). */
  async serve(connections: number, timeoutMs: number): Promise<RunningServer> {
    const share = (w: number): number => Math.floor(connections / this.threads) + (w < connections % this.threads ? 1 : 0);
    this.channels.forEach((channel, w) => channel.post({ kind: 'serve', connections: share(w), timeoutMs }));
    const abort = (reason: Error): void => this.channels.forEach((c) => c.post({ kind: 'abort', reason: reason.message }));
    const listening = this.channels.map((c) => c.receive('listening'));
    // Each worker reports once its server has stopped, whether or not the others started.
    const served = listening.map((l, w) => l.then(() => this.channels[w]!.receive('served')));
    const done = allOrFirstError(served).then((replies): ServerReport[] =>
      replies.flatMap((reply) => reply.reports.map((report) => ({ ...report, kind: 'parallel' as const }))),
    );
    try {
      const ports = (await allOrFirstError(listening)).map((l) => l.port);
      return { ports, done, abort };
    } catch (error) {
      abort(error instanceof Error ? error : new Error(String(error)));
      await done.catch(() => {});
      throw error;
    }
  }

  close(): Promise<void> {
    return Promise.all(this.channels.map((c) => c.close())).then(() => {});
  }
}
