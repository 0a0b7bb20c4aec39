/**
 * How the scheduler sleeps when no task may run: on Node's own event loop, until a timer is
 * due or something wakes it (a settled wait, a new task, an abort), never by polling. A plain
 * promise and no closure per wait: every wake-up from I/O passes through here, and under tsx
 * (esbuild keepNames) each named closure would cost a defineProperty call.
 */
/** Node's timers hold at most 2^31 - 1 ms; a longer delay would fire after 1 ms, with a warning. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class IdleWait {
  private resolve: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  /**
   * Resolves after `delayMs` (never, when undefined) or at the next `wake()`, whichever comes first.
   * A delay beyond Node's timer range ends early, at the range's end: the scheduler finds its timer
   * not yet due and waits again for the rest, so long sleeps are chained, not re-armed every 1 ms.
   */
  until(delayMs: number | undefined): Promise<void> {
    return new Promise<void>((resolve) => {
      this.resolve = resolve;
      if (delayMs !== undefined) this.timer = setTimeout(this.wake, Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(delayMs))));
    });
  }

  /** Ends the current wait, if any; bound once, so waking allocates nothing. */
  readonly wake = (): void => {
    const resolve = this.resolve;
    if (resolve === undefined) return;
    this.resolve = undefined;
    // Not needed for correctness (a timer left behind at most ends a later wait early, and the loop sleeps again), only tidy.
    clearTimeout(this.timer);
    this.timer = undefined;
    resolve();
  };
}

/** One turn of Node's event loop (I/O, timers, an abort) between two time slices. */
export function turnOfNodeEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
