import { readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LabPool } from '../../src/runtime/pool.ts';
import { cpuKernel } from '../../src/workload/cpu-kernel.ts';
import { labWay, oneThreadWay, sizeWork } from './lab-ways.ts';
import { measurePostMessageFloor } from './post-message-floor.ts';
import { openPoolifier, openTinypool, openWorkerpool, piscinaWay } from './pool-ways.ts';
import { openPortWay, openRingWay } from './raw-channels.ts';
import { sweepWays } from './sweep.ts';
import type { Way } from './way.ts';

/** Threads of this process (Linux): every worker a way starts is one. */
const threadCount = (): number => readdirSync('/proc/self/task').length;

/** Waits until the process is back to `count` threads (an ended worker's thread goes a moment after its exit event), or gives up. */
async function threadsBackTo(count: number): Promise<number> {
  for (let i = 0; i < 100 && threadCount() > count; i++) await sleep(50);
  return threadCount();
}

/** CPU of the whole process per second of wall time over a pause, in cores. */
async function coresOver(ms: number): Promise<number> {
  const before = process.cpuUsage();
  const started = performance.now();
  await sleep(ms);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / (performance.now() - started);
}

/** Every way of the experiment on 2 threads, opened as `measure` opens them; the lab's pool is closed with them. */
async function openAll(): Promise<{ ways: Way[]; close: () => Promise<void> }> {
  const pool = await LabPool.start({ threads: 2 });
  const ways: Way[] = [oneThreadWay, openRingWay('ring-spin', 1, true, 30_000), openRingWay('ring-wake', 2, false, 30_000), openPortWay('post-message-one', 2, 'one'), openPortWay('post-message-many', 2, 'many')];
  ways.push(piscinaWay(await pool.plainPool()));
  for (const open of [openTinypool, openWorkerpool, openPoolifier]) {
    const opened = await open(2);
    if (opened.state === 'open') ways.push(opened.way);
  }
  ways.push(labWay('lab-parallel', 'parallel', pool, {}), labWay('lab-parallel-untraced', 'parallel', pool, { steps: false }), labWay('lab-hybrid', 'hybrid', pool, {}));
  return {
    ways,
    close: async () => {
      await Promise.all(ways.map((w) => w.close()));
      await pool.close();
    },
  };
}

describe('the ways of handing work over', () => {
  it('do the same work: every way\'s checksums equal the kernel\'s, value by value, at size 0 and above; and every thread is gone after close', async () => {
    const before = threadCount();
    const { ways, close } = await openAll();
    try {
      // The three dev-dependency pools are installed in the checkout: all twelve ways open.
      expect(ways.map((w) => w.name)).toEqual(['one-thread', 'ring-spin', 'ring-wake', 'post-message-one', 'post-message-many', 'piscina', 'tinypool', 'workerpool', 'poolifier', 'lab-parallel', 'lab-parallel-untraced', 'lab-hybrid']);
      expect(threadCount()).toBeGreaterThanOrEqual(before + 15);
      // The spinning ring gets few tasks: on a machine whose cores are taken (other test files), each of its hand-offs
      // waits for the OS to run the other spinning side, a time slice at worst, where the other ways are woken at once.
      const tasksOf = (way: Way): number => (way.name === 'ring-spin' ? 4 : 24);
      for (const units of [0, 3]) {
        for (const way of ways) {
          const work = sizeWork(units, tasksOf(way));
          const expected = work.tasks.map((t) => cpuKernel(t.units, t.seed));
          expect(new Set(expected).size).toBe(tasksOf(way));
          await way.wake();
          const run = await way.run(work);
          way.rest?.();
          expect(run.checksums, `${way.name} at ${units} units`).toEqual(expected);
          expect(run.wallMs).toBeGreaterThan(0);
        }
      }
      const swept = await sweepWays(ways.filter((w) => w.name !== 'ring-spin'), { sizes: [0, 2], tasks: 16, repeats: 2, warmups: 0, signal: new AbortController().signal, onProgress: () => undefined });
      for (const size of swept) for (const way of ways.filter((w) => w.name !== 'ring-spin')) expect(size.ways[way.name]?.checksumOk, `${way.name} at ${size.unitsPerTask} units`).toBe(true);
    } finally {
      await close();
    }
    expect(await threadsBackTo(before)).toBe(before);
  });

  it('the spinning ring burns a core only from wake to rest, and nothing once closed', async () => {
    const before = threadCount();
    const ring = openRingWay('ring-spin', 1, true, 30_000);
    let spinning: number;
    let rested: number;
    try {
      await ring.wake();
      spinning = await coresOver(300);
      ring.rest!();
      rested = await coresOver(300);
    } finally {
      await ring.close();
    }
    const closed = await coresOver(300);
    // Ratios within this test, not absolute times: a loaded machine gives the spinning worker less than a core, never none.
    expect(rested).toBeLessThan(spinning / 5);
    expect(closed).toBeLessThan(spinning / 5);
    expect(await threadsBackTo(before)).toBe(before);
  });

  it('a postMessage way whose workers are gone fails its next run at once', async () => {
    const way = openPortWay('post-message-many', 2, 'many');
    await way.close();
    await expect(way.run(sizeWork(0, 4))).rejects.toThrow('post-message-many is closed');
  });

  it('a ring run that waits for a lost worker ends at its deadline, with the count of tasks not done', async () => {
    const ring = openRingWay('ring-wake', 1, false, 300);
    try {
      await ring.close();
      await expect(ring.run(sizeWork(0, 4))).rejects.toThrow('ring-wake: 4 of 4 tasks were not done within 300 ms');
    } finally {
      await ring.close();
    }
  });
});

describe('measurePostMessageFloor', () => {
  it('times round trips to a bare worker for its budget, gives the median with its interval, and ends its worker', async () => {
    const before = threadCount();
    const floor = await measurePostMessageFloor(new AbortController().signal, 200);
    expect(floor.batches).toBeGreaterThanOrEqual(3);
    expect(floor.value).toBeGreaterThan(0);
    expect(floor.low).toBeLessThanOrEqual(floor.value);
    expect(floor.high).toBeGreaterThanOrEqual(floor.value);
    expect(await threadsBackTo(before)).toBe(before);
  });

  it('stops when aborted, with the reason, and still ends its worker; refuses a budget that is not positive', async () => {
    const before = threadCount();
    const controller = new AbortController();
    const reason = new Error('interrupted');
    controller.abort(reason);
    await expect(measurePostMessageFloor(controller.signal, 5_000)).rejects.toBe(reason);
    expect(await threadsBackTo(before)).toBe(before);
    await expect(measurePostMessageFloor(new AbortController().signal, 0)).rejects.toThrow('budgetMs must be a positive number, got 0');
  });
});
