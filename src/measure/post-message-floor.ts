import { timePostMessageRoundTrips } from '../runtime/post-message-floor.ts';
import { medianInterval } from './median-interval.ts';
import { median } from './stats.ts';

/** What one round trip to a bare worker cost, µs: the median of the batches with its interval, and how many batches ran. */
export interface PostMessageFloor {
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly batches: number;
}

/**
 * The postMessage floor: round trips of an empty message to a bare worker thread, one in flight,
 * timed in batches for at most about `budgetMs` (at least three batches); rejects with the reason
 * when `signal` aborts. The worker is ended before this returns, whatever happens.
 */
export async function measurePostMessageFloor(signal: AbortSignal, budgetMs: number): Promise<PostMessageFloor> {
  const perRoundTripUs = await timePostMessageRoundTrips(signal, budgetMs);
  const interval = medianInterval(perRoundTripUs);
  return { value: median(perRoundTripUs), low: interval.low, high: interval.high, batches: perRoundTripUs.length };
}
