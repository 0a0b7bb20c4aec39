/**
 * One abort path for all the worker requests of a run: the signal Piscina is given for every
 * request, fed by a single listener on the run's own signal. Piscina adds and removes a listener
 * per request; here that is a set insert and delete, where Node's EventTarget scans every
 * listener already added, which grows with the requests in flight and costs time inside the run.
 */
export class RunAbort {
  aborted = false;
  reason: unknown;
  private readonly listeners = new Set<() => void>();

  constructor(signal: AbortSignal) {
    if (signal.aborted) this.abort(signal.reason);
    else signal.addEventListener('abort', () => this.abort(signal.reason), { once: true });
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.delete(listener);
  }

  private abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    for (const listener of [...this.listeners]) listener();
    this.listeners.clear();
  }
}
