import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExperimentKit } from '../src/experiment/kit.ts';
import type { RedisTarget } from '../src/runtime/queue/redis-target.ts';
import { handMadeCompleteContext } from './helpers/kit-context.ts';
import { kitOnStandIns, standInStarts } from './helpers/kit-fake-pools.ts';

// The kit owns the pools an experiment runs on: each started on first need, shared by every later
// need, and closed when the kit closes, whatever happened. The pools here are stand-ins (see
// helpers/kit-fake-pools.ts): starting real ones needs threads, processes and Redis.

afterEach(() => {
  vi.restoreAllMocks();
});

const redis: RedisTarget = { kind: 'tcp', host: 'redis.test', port: 6379, db: 0, url: 'redis://redis.test:6379' };

describe('ExperimentKit: shared pools', () => {
  it('starts the thread pool of --threads on the first call only, and closes it once with the kit', async () => {
    const { kit, starts, closed } = kitOnStandIns({ threads: 3 });
    expect(starts.threads).not.toHaveBeenCalled();
    const first = kit.sharedPool();
    expect(kit.sharedPool()).toBe(first);
    await first;
    expect(starts.threads.mock.calls).toEqual([[{ threads: 3 }]]);
    await kit.close();
    expect(closed).toEqual(['thread pool of 3']);
    await kit.close();
    expect(closed).toEqual(['thread pool of 3']);
  });

  it('starts the process pool of --processes, else of --threads, once', async () => {
    const { kit, starts, closed } = kitOnStandIns({ threads: 3 });
    await kit.sharedProcessPool();
    await kit.sharedProcessPool();
    const other = new ExperimentKit(handMadeCompleteContext({ threads: 3, processes: 5 }));
    await other.sharedProcessPool();
    expect(starts.processes.mock.calls).toEqual([[{ processes: 3 }], [{ processes: 5 }]]);
    await kit.close();
    await other.close();
    expect(closed).toEqual(['process pool of 3', 'process pool of 5']);
  });

  it('opens the queue session once, with --workers (else --threads) local workers, and the Redis only when one was named', async () => {
    const { kit, starts, closed } = kitOnStandIns({ threads: 2 });
    await kit.sharedQueue();
    await kit.sharedQueue();
    expect(starts.queue.mock.calls).toHaveLength(1);
    expect(starts.queue.mock.calls[0]![0]).toStrictEqual({ workers: 2 });
    const named = new ExperimentKit(handMadeCompleteContext({ threads: 2, workers: 4, redis }));
    await named.sharedQueue();
    expect(starts.queue.mock.calls[1]![0]).toStrictEqual({ workers: 4, redis });
    await kit.close();
    await named.close();
    expect(closed).toEqual(['queue of 2 workers', 'queue of 4 workers']);
  });

  it('closes every pool it started, each kind only when started', async () => {
    const closed: string[] = [];
    standInStarts(closed);
    const all = new ExperimentKit(handMadeCompleteContext({ threads: 2 }));
    await Promise.all([all.sharedPool(), all.sharedProcessPool(), all.sharedQueue()]);
    await all.close();
    expect(closed).toEqual(['thread pool of 2', 'process pool of 2', 'queue of 2 workers']);
    for (const start of ['sharedPool', 'sharedProcessPool', 'sharedQueue'] as const) {
      closed.length = 0;
      const one = new ExperimentKit(handMadeCompleteContext({ threads: 2 }));
      await one[start]();
      await one.close();
      expect(closed).toHaveLength(1);
    }
    const none = new ExperimentKit(handMadeCompleteContext());
    await none.close();
    expect(closed).toHaveLength(1);
  });

  it('still closes the others when a pool failed to start', async () => {
    const closed: string[] = [];
    const starts = standInStarts(closed);
    starts.threads.mockRejectedValue(new Error('no threads today'));
    const kit = new ExperimentKit(handMadeCompleteContext({ threads: 2 }));
    await expect(kit.sharedPool()).rejects.toThrow('no threads today');
    await kit.sharedProcessPool();
    await kit.close();
    expect(closed).toEqual(['process pool of 2']);
  });
});

describe('ExperimentKit.withPool: a pool for one use', () => {
  it('starts a pool of the threads asked for, hands it to `use`, returns what `use` returns and closes the pool after', async () => {
    const { kit, starts, closed } = kitOnStandIns({ threads: 2 });
    const during: string[] = [];
    const result = await kit.withPool(4, async (pool) => {
      during.push(...closed);
      // The stand-in names itself when used.
      return (() => {
        try {
          return pool.threads;
        } catch (error) {
          return (error as Error).message;
        }
      })();
    });
    expect(result).toBe('thread pool of 4 reached: threads');
    expect(during).toEqual([]);
    expect(starts.threads.mock.calls).toEqual([[{ threads: 4 }]]);
    expect(closed).toEqual(['thread pool of 4']);
  });

  it('closes the pool when `use` throws, and a kit that closes first closes the pool in use', async () => {
    const { kit, closed } = kitOnStandIns({ threads: 2 });
    await expect(kit.withPool(3, async () => Promise.reject(new Error('use failed')))).rejects.toThrow('use failed');
    expect(closed).toEqual(['thread pool of 3']);
    closed.length = 0;
    let closedByKit: string[] = [];
    await kit.withPool(5, async () => {
      await kit.close();
      closedByKit = [...closed];
    });
    expect(closedByKit).toEqual(['thread pool of 5']);
  });
});
