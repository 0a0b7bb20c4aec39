/**
 * Hands out one child signal per worker request, all aborted by a single listener on the run's
 * signal. Piscina listens on the signal of every request it queues, and Node's EventTarget
 * scans its listeners on every `addEventListener`: thousands of requests on one shared signal
 * would cost time in proportion to the requests already queued, inside the timed run.
 */
export class SignalFanOut {
  private readonly children = new Set<AbortController>();

  constructor(private readonly parent: AbortSignal) {
    parent.addEventListener('abort', () => {
      for (const child of this.children) child.abort(parent.reason);
    }, { once: true });
  }

  /** Runs `use` with a signal of its own that the parent aborts, and forgets it afterwards. */
  async with<T>(use: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const child = new AbortController();
    if (this.parent.aborted) child.abort(this.parent.reason);
    this.children.add(child);
    try {
      return await use(child.signal);
    } finally {
      this.children.delete(child);
    }
  }
}
