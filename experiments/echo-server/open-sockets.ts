import type { Socket } from 'node:net';

/** Every socket a server accepted that has not closed yet: so that a stopped server can prove it left none open. */
export class OpenSockets {
  private readonly open = new Set<Socket>();
  private onEmpty: (() => void) | undefined;
  /** Sockets ever added. */
  accepted = 0;

  add(socket: Socket): void {
    this.accepted++;
    this.open.add(socket);
    socket.once('close', () => {
      this.open.delete(socket);
      if (this.open.size === 0) this.onEmpty?.();
    });
  }

  get count(): number {
    return this.open.size;
  }

  destroyAll(): void {
    for (const socket of this.open) socket.destroy();
  }

  /** Resolves once every socket has closed; sockets still open after `graceMs` are destroyed. */
  async allClosed(graceMs: number): Promise<void> {
    if (this.open.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.onEmpty = resolve;
      timer = setTimeout(() => this.destroyAll(), graceMs);
    });
    clearTimeout(timer);
    this.onEmpty = undefined;
  }
}
