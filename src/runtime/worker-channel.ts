import { fileURLToPath } from 'node:url';
import { Worker, type Transferable } from 'node:worker_threads';
import { labExecArgv } from './entry-points.ts';
import { WorkerChannelError } from './worker-channel-error.ts';

const bootstrap = new URL('./worker-bootstrap.cjs', import.meta.url);

/** Every message between the main thread and a worker names its kind. */
export interface Message {
  readonly kind: string;
}

/** A worker's failure, sent as a message so that its name and text survive the thread boundary. */
export interface FailedMessage {
  readonly kind: 'failed';
  readonly name: string;
  readonly message: string;
}

/**
 * A TypeScript worker thread and its messages, received in order, one `receive` at a time. If the worker
 * throws or exits, the pending and every later `receive` rejects with an `WorkerChannelError`.
 */
export class WorkerChannel<Out extends Message, In extends Message> {
  private readonly inbox: (In | FailedMessage)[] = [];
  private waiting: { resolve: (m: In | FailedMessage) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  private closing = false;

  private constructor(
    readonly name: string,
    private readonly worker: Worker,
  ) {
    worker.on('message', (message: In | FailedMessage) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting === undefined) this.inbox.push(message);
      else waiting.resolve(message);
    });
    worker.on('error', (error) => this.fail(new WorkerChannelError(name, error.message, error)));
    worker.on('exit', (code) => this.fail(new WorkerChannelError(name, this.closing ? 'was closed' : `exited with code ${code}`)));
  }

  /** Starts the worker and waits until it says it is ready (its modules loaded). */
  static async start<Out extends Message, In extends Message>(name: string, file: URL): Promise<WorkerChannel<Out, In>> {
    // A compiled entry loads as it is; a TypeScript one through a CommonJS bootstrap, with tsx's loader.
    const worker = file.href.endsWith('.ts') ? new Worker(bootstrap, { workerData: { entry: fileURLToPath(file) }, execArgv: labExecArgv(file) }) : new Worker(file, { execArgv: labExecArgv(file) });
    const channel = new WorkerChannel<Out, In>(name, worker);
    try {
      await channel.receive('ready');
    } catch (error) {
      await channel.close();
      throw error;
    }
    return channel;
  }

  post(message: Out, transfer: readonly Transferable[] = []): void {
    this.worker.postMessage(message, [...transfer]);
  }

  /** The next message, which must be of `kind`; a `failed` message rejects with the worker's error. */
  async receive<K extends In['kind']>(kind: K): Promise<Extract<In, { kind: K }>> {
    const message = this.inbox.shift() ?? (await this.next());
    if (message.kind === 'failed') {
      const failed = message as FailedMessage;
      throw new WorkerChannelError(this.name, `${failed.name}: ${failed.message}`);
    }
    if (message.kind !== kind) throw new WorkerChannelError(this.name, `sent "${message.kind}" where "${kind}" was expected`);
    return message as Extract<In, { kind: K }>;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }

  private next(): Promise<In | FailedMessage> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(this.failure);
  }
}

/** The message a worker sends when something it ran threw. */
export function failedMessage(error: unknown): FailedMessage {
  return error instanceof Error ? { kind: 'failed', name: error.name, message: error.message } : { kind: 'failed', name: 'Error', message: String(error) };
}
