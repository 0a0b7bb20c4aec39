import type { Redis } from 'ioredis';
import { sharedNow } from '../../scheduler/index.ts';
import type { ClockOffset } from './job-protocol.ts';

/**
 * This process's `sharedNow()` against Redis's `TIME`, from the quickest of `samples` round trips:
 * Redis read its clock somewhere inside the round trip, so the offset is known within half of it.
 * Processes on one machine share `sharedNow()` (the monotonic clock) and need none of this; a worker
 * on another machine maps its steps onto the lab's timeline by the difference of the two offsets.
 */
export async function clockOffset(client: Redis, samples = 5): Promise<ClockOffset> {
  let best: ClockOffset = { offsetMs: Number.NaN, uncertaintyMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < samples; i++) {
    const sent = sharedNow();
    const [seconds, micros] = await client.time();
    const received = sharedNow();
    const redisMs = Number(seconds) * 1000 + Number(micros) / 1000;
    const uncertaintyMs = (received - sent) / 2;
    if (uncertaintyMs < best.uncertaintyMs) best = { offsetMs: redisMs - (sent + uncertaintyMs), uncertaintyMs };
  }
  return best;
}
