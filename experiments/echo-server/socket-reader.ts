import type { Socket } from 'node:net';

/** What `read` returns when nothing has arrived yet: a promise that settles when something does. */
export type ReadResult = Buffer | null | Promise<Buffer | null>;

/**
 * A socket's incoming bytes as reads, the way a task on the lab's scheduler wants them: a
 * chunk that is already here is returned at once; otherwise `read` returns a promise that the
 * socket's next event settles, and the task parks on it with `waitFor`. That is the selector
 * pattern of the seed article (try to read, else wait for readiness), with Node's event loop
 * as the selector. `null` means the peer ended the stream.
 */
export class SocketReader {
  private readonly chunks: Buffer[] = [];
  private ended = false;
  private failure: Error | undefined;
  private resolvePending: ((chunk: Buffer | null) => void) | undefined;
  private rejectPending: ((error: Error) => void) | undefined;

  constructor(socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      const resolve = this.resolvePending;
      if (resolve === undefined) this.chunks.push(chunk);
      else {
        this.clearPending();
        resolve(chunk);
      }
    });
    socket.on('end', () => this.finish());
    socket.on('close', () => this.finish());
    socket.on('error', (error) => this.finish(error));
    // A socket accepted paused (pauseOnConnect) flows only once its reader listens: no byte is lost.
    if (socket.isPaused()) socket.resume();
  }

  read(): ReadResult {
    const chunk = this.chunks.shift();
    if (chunk !== undefined) return chunk;
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.ended) return null;
    return new Promise((resolve, reject) => {
      this.resolvePending = resolve;
      this.rejectPending = reject;
    });
  }

  private finish(error?: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = error;
    const [resolve, reject] = [this.resolvePending, this.rejectPending];
    this.clearPending();
    if (error !== undefined) reject?.(error);
    else resolve?.(null);
  }

  private clearPending(): void {
    this.resolvePending = undefined;
    this.rejectPending = undefined;
  }
}
