import type { Piscina } from 'piscina';
import type { UserBatch, UserBatchReply } from './pool-worker.ts';
import type { WorkerCallsReply } from './runner-protocol.ts';

/**
 * Every input's call timed inside the workers, `threads` workers each calling all inputs at once
 * (cold caches, shared memory bandwidth, a GC per isolate: what a busy pool's calls cost), and,
 * right after each such round, on the main thread by `loopOnce`: `repeats` pairs, so that a drift of
 * the machine's load hits both sides of the ratio alike.
 */
export async function workerCallTimes(
  pool: Piscina<UserBatch, UserBatchReply>,
  threads: number,
  repeats: number,
  inputs: readonly unknown[],
  loopOnce: () => Promise<readonly number[]>,
): Promise<WorkerCallsReply> {
  const workerMs: number[][] = inputs.map(() => []);
  const mainMs: number[][] = inputs.map(() => []);
  for (let r = 0; r < repeats; r++) {
    const loops = await Promise.all(Array.from({ length: threads }, () => pool.run(inputs as unknown as UserBatch, { name: 'timeCalls' }) as unknown as Promise<number[]>));
    for (const loop of loops) loop.forEach((ms, i) => workerMs[i]!.push(ms));
    (await loopOnce()).forEach((ms, i) => mainMs[i]!.push(ms));
  }
  return { type: 'worker-calls', workerMs, mainMs };
}
