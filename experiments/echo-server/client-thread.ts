import { entryBeside } from '../../src/runtime/entry-points.ts';
import type { ClientLoad, LoadResult } from './client-load.ts';
import type { ClientReply, ClientRequest } from './client-protocol.ts';
import { WorkerChannel } from '../../src/runtime/worker-channel.ts';

/**
 * The echo clients on a thread of their own, so that no server shares its thread with them:
 * a server that is slow cannot hide behind the clients' own work, nor a fast one be slowed by it.
 */
export class ClientThread {
  private constructor(private readonly channel: WorkerChannel<ClientRequest, ClientReply>) {}

  static async start(): Promise<ClientThread> {
    return new ClientThread(await WorkerChannel.start('echo client thread', entryBeside(import.meta.url, 'client-worker')));
  }

  /** Runs one load; aborting `signal` makes the clients close every socket and the run reject. */
  async run(load: ClientLoad, signal?: AbortSignal): Promise<LoadResult> {
    signal?.throwIfAborted();
    const onAbort = (): void => this.channel.post({ kind: 'abort', reason: String(signal?.reason ?? 'aborted') });
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      this.channel.post({ kind: 'load', load });
      return (await this.channel.receive('loaded')).result;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}
