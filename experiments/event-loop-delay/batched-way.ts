import type { PlainPool } from '../../src/runtime/plain-pool.ts';
import type { ExpensiveWay, Respond } from './expensive-way-contract.ts';

/** When a batch leaves for the pool: at `size` requests, or `waitMs` after its first one, whichever comes first. */
export interface BatchPolicy {
  readonly size: number;
  readonly waitMs: number;
}

/** Expensive requests queue on the server and go to the pool as one task per batch. */
export class BatchedWay implements ExpensiveWay {
  private queued: Respond[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Batches sent so far. */
  poolTasks = 0;

  constructor(
    private readonly units: number,
    private readonly seed: number,
    private readonly policy: BatchPolicy,
    private readonly pool: PlainPool,
    private readonly onError: (error: unknown) => void,
  ) {}

  handle(respond: Respond): void {
    this.queued.push(respond);
    if (this.queued.length >= this.policy.size) this.flush();
    else this.timer ??= setTimeout(this.flush, this.policy.waitMs);
  }

  /** Bound once: it is also the timer's callback. */
  private readonly flush = (): void => {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queued;
    this.queued = [];
    if (batch.length === 0) return;
    this.poolTasks++;
    this.pool.runBatch({ units: this.units, seed: this.seed, count: batch.length }).then((checksums) => {
      for (let i = 0; i < batch.length; i++) batch[i]!(checksums[i]!);
    }, this.onError);
  };

  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queued = [];
  }
}
