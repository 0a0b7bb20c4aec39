import { describe, expect, it } from 'vitest';
import { runSequential } from '../src/modes/index.ts';
import { addInChunks, ADD_CHUNK, type SessionHandles } from '../src/runtime/queue/queue-run.ts';
import { QueueSession } from '../src/runtime/queue/queue-session.ts';
import { REDIS_BOUNDS_MS } from '../src/runtime/queue/redis-bounds.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';
import { needsService } from './helpers/services.ts';

const redisServer = needsService('redis-server');

/** Longer than a health check may wait for its answer, so a check queued behind it on one connection would fail the run. */
const BUSY_S = 5;

const small: WorkloadSpec = { name: 'small', tasks: [{ name: 'a', parts: [{ kind: 'cpu', units: 20 }] }, { name: 'b', parts: [{ kind: 'wait', ms: 10 }] }] };

describe('jobs are added in bounded chunks', () => {
  it('adds every job in order, at most a chunk per call, building each job only for its chunk', async () => {
    const calls: number[][] = [];
    let built = 0;
    await addInChunks(
      async (jobs: number[]) => void calls.push(jobs),
      2500,
      (i) => (built++, i),
      () => false,
      1000,
    );
    expect(calls.map((c) => c.length)).toEqual([1000, 1000, 500]);
    expect(calls.flat()).toEqual(Array.from({ length: 2500 }, (_, i) => i));
    expect(built).toBe(2500);
    expect(ADD_CHUNK).toBeLessThanOrEqual(1000);
  });

  it('stops between chunks once the run is over, without building the rest', async () => {
    let over = false;
    let built = 0;
    const calls: number[][] = [];
    await addInChunks(
      async (jobs: number[]) => {
        calls.push(jobs);
        over = true;
      },
      5000,
      (i) => (built++, i),
      () => over,
      1000,
    );
    expect(calls).toHaveLength(1);
    expect(built).toBe(1000);
  });
});

describe.skipIf(redisServer.skip)(redisServer.title('the health check of a run'), () => {
  it("answers on a connection of its own: a queue connection busy for longer than the check's bound does not fail a live run", async () => {
    const session = await QueueSession.open({ workers: 1 });
    try {
      // As a bulk add of many jobs does: the queue's connection answers nothing else for BUSY_S seconds.
      const handles = (session as unknown as { handles: SessionHandles }).handles;
      const busy = handles.client.blpop('lab-test-nothing-comes', BUSY_S);
      const run = await session.run(small);
      expect(await busy).toBeNull();
      expect(run.jobs.map((j) => j.result.checksum)).toEqual((await runSequential(small)).tasks.map((t) => t.checksum));
      expect(REDIS_BOUNDS_MS.run / 1000).toBeLessThan(BUSY_S);
    } finally {
      await session.close();
    }
  }, 60_000);
});
