import { describe, expect, it } from 'vitest';
import { runParallel } from '../src/modes/index.ts';
import { cpuBoundWorkload } from '../src/workload/presets.ts';
import { warmPoolForTests } from './helpers/pool.ts';

describe('parallel mode', () => {
  const warm = warmPoolForTests();

  it('starts warm: both threads met at a barrier that only two threads running at once can pass', () => {
    expect(warm.pool.info).toMatchObject({ threads: 2, warm: true });
  });

  it('passes a two-party barrier on every thread at once, with distinct thread ids', async () => {
    const replies = await warm.pool.rendezvous(2, 20_000);
    expect(replies.map((r) => r.arrived)).toEqual([true, true]);
    expect(new Set(replies.map((r) => r.threadId)).size).toBe(2);
  });

  it('cannot pass a barrier that needs one thread more than the pool has (the barrier is a real test)', async () => {
    const replies = await warm.pool.rendezvous(3, 200);
    expect(replies.map((r) => r.arrived)).toEqual([false, false]);
  });

  it('spreads tasks over both workers, each task on one lane', async () => {
    const result = await runParallel(cpuBoundWorkload({ tasks: 4, unitsPerTask: 200 }), { pool: warm.pool });
    expect(result.lanes).toEqual(['worker 1', 'worker 2']);
    expect(new Set(result.trace.map((e) => e.lane))).toEqual(new Set([0, 1]));
    for (const task of result.tasks) {
      expect(new Set(result.trace.filter((e) => e.task === task.name).map((e) => e.lane)).size).toBe(1);
    }
  });
});
