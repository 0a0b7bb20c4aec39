import type { Server, Socket } from 'node:net';

/**
 * A listening server's connections as accepts: a connection that is already here is returned
 * at once, otherwise a promise that the next connection settles. `null` once the queue is closed.
 */
export class AcceptQueue {
  private readonly waiting: Socket[] = [];
  private closed = false;
  private resolvePending: ((socket: Socket | null) => void) | undefined;

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      const resolve = this.resolvePending;
      this.resolvePending = undefined;
      if (this.closed) socket.destroy();
      else if (resolve !== undefined) resolve(socket);
      else this.waiting.push(socket);
    });
  }

  accept(): Socket | null | Promise<Socket | null> {
    const socket = this.waiting.shift();
    if (socket !== undefined) return socket;
    if (this.closed) return null;
    return new Promise((resolve) => (this.resolvePending = resolve));
  }

  /** No more accepts: connections not yet accepted are destroyed, a pending accept gets `null`. */
  close(): void {
    this.closed = true;
    for (const socket of this.waiting.splice(0)) socket.destroy();
    const resolve = this.resolvePending;
    this.resolvePending = undefined;
    resolve?.(null);
  }
}
