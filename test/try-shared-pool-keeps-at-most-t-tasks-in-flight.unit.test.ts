import type { Piscina } from 'piscina';
import { describe, expect, it } from 'vitest';
import { poolRun } from '../src/runtime/user-function/child-runs.ts';
import type { UserBatch, UserBatchReply } from '../src/runtime/user-function/pool-worker.ts';

/** A stand-in pool that answers each task after a few event-loop turns and counts how many were in flight at once. */
function countingPool(): { pool: Piscina<UserBatch, UserBatchReply>; most: () => number; tasks: () => number } {
  let inFlight = 0;
  let most = 0;
  let tasks = 0;
  const pool = {
    async run(batch: UserBatch): Promise<UserBatchReply> {
      tasks++;
      most = Math.max(most, ++inFlight);
      for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
      inFlight--;
      return { results: batch.inputs.map(() => null), callMs: batch.inputs.length / 2 };
    },
  };
  return { pool: pool as unknown as Piscina<UserBatch, UserBatchReply>, most: () => most, tasks: () => tasks };
}

const inputs = Array.from({ length: 20 }, (_, i) => i);

describe('one pool of the top thread count serves every setting', () => {
  it('keeps at most t tasks in flight for a t-thread setting, sending the next as one ends', async () => {
    for (const threads of [1, 2, 4]) {
      const counting = countingPool();
      const ran = await poolRun(counting.pool, { mode: 'pool', threads, batch: 1 }, inputs, false, 10_000);
      expect(counting.most()).toBe(threads);
      // The calls' time inside the workers, summed over the tasks: the slowdown's numerator.
      expect(ran.workerCallMs).toBe(10);
      expect(counting.tasks()).toBe(20);
    }
  });

  it('never more in flight than there are tasks, and a dedicated pool (the A/A twin) gets every task at once', async () => {
    const few = countingPool();
    await poolRun(few.pool, { mode: 'pool', threads: 4, batch: 8 }, inputs, false, 10_000);
    expect([few.most(), few.tasks()]).toEqual([3, 3]);
    const own = countingPool();
    await poolRun(own.pool, { mode: 'pool', threads: 2, batch: 1, dedicated: true }, inputs, false, 10_000);
    expect(own.most()).toBe(20);
  });

  it('names the task that failed, as before', async () => {
    const failing = { run: async (batch: UserBatch): Promise<UserBatchReply> => (batch.first === 6 ? { failed: { index: 7, message: 'input 7: the function threw: boom' } } : { results: [], callMs: 1 }) };
    await expect(poolRun(failing as unknown as Piscina<UserBatch, UserBatchReply>, { mode: 'pool', threads: 2, batch: 2 }, inputs, false, 10_000)).rejects.toThrow('input 7: the function threw: boom in pool (2 threads, batch 2)');
  });
});
