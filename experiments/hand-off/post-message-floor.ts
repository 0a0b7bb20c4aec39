// The postMessage floor, for a caller that wants it on its own (`try` may call it later): a bare
// worker, one task of no work in flight at a time, for at most `budgetMs`.
import type { Estimate } from '../../src/experiment/dispatch-intervals.ts';
import { medianInterval } from '../../src/measure/median-interval.ts';
import { median } from '../../src/measure/stats.ts';
import { sizeWork } from './lab-ways.ts';
import { openPortWay } from './raw-channels.ts';

/** Round trips timed in one batch: a batch's time over its tasks is one sample. */
const BATCH = 200;

/** What one round trip to a bare worker cost, µs: the median of the batches with its interval, and how many batches ran. */
export interface PostMessageFloor extends Estimate {
  readonly batches: number;
}

/**
 * Times round trips of an empty task to a bare worker thread (postMessage there and back, one in
 * flight) in batches until `budgetMs` has passed or `signal` aborts (then it rejects with the
 * reason); at least three batches. The worker is ended before this returns, whatever happens.
 */
export async function measurePostMessageFloor(signal: AbortSignal, budgetMs: number): Promise<PostMessageFloor> {
  if (!(budgetMs > 0)) throw new RangeError(`budgetMs must be a positive number, got ${budgetMs}`);
  const way = openPortWay('post-message-one', 1, 'one');
  try {
    const work = sizeWork(0, BATCH);
    const until = performance.now() + budgetMs;
    await way.wake();
    const perTask: number[] = [];
    while (perTask.length < 3 || performance.now() < until) {
      signal.throwIfAborted();
      perTask.push(((await way.run(work)).wallMs * 1000) / BATCH);
    }
    const interval = medianInterval(perTask);
    return { value: median(perTask), low: interval.low, high: interval.high, batches: perTask.length };
  } finally {
    await way.close();
  }
}
