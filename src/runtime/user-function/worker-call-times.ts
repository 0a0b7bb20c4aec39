import type { Piscina } from 'piscina';
import type { UserBatch, UserBatchReply } from './pool-worker.ts';
import type { WorkerCallsReply } from './runner-protocol.ts';

/**
 * Every input's call timed inside the workers, `threads` workers each calling all inputs at once,
 * `repeats` times: what the function costs in a busy worker (cold caches, shared memory bandwidth,
 * its own GC per isolate), to set against the plain loop's calls on the main thread.
 */
export async function workerCallTimes(pool: Piscina<UserBatch, UserBatchReply>, threads: number, repeats: number, inputs: readonly unknown[]): Promise<WorkerCallsReply> {
  const callMs: number[][] = inputs.map(() => []);
  for (let r = 0; r < repeats; r++) {
    const loops = await Promise.all(Array.from({ length: threads }, () => pool.run(inputs as unknown as UserBatch, { name: 'timeCalls' }) as unknown as Promise<number[]>));
    for (const loop of loops) loop.forEach((ms, i) => callMs[i]!.push(ms));
  }
  return { type: 'worker-calls', callMs };
}
