import { describe, expect, it } from 'vitest';
import { measureModes } from '../src/measure/measure-modes.ts';
import { splitWorkWorkload } from '../src/workload/presets.ts';
import { warmPoolForTests } from './helpers/pool.ts';

// Order is a treatment: a pool run right after a long one-thread run met threads that had idled
// through it. measureModes removes the cause before balancing what remains: right before every run
// of a mode on the thread pool, every thread of the pool (and of the plain pool, once started) takes
// one small task at once, untimed. Counted here, never timed.
describe('pool modes meet woken threads', () => {
  const warm = warmPoolForTests();

  it('LabPool.wake reaches every thread at once, its own and the plain pool\'s, and the pool still runs', async () => {
    const pool = warm.pool;
    expect(await pool.wake()).toBe(true);
    await pool.plainPool();
    expect(await pool.wake()).toBe(true);
    expect(await (await pool.plainPool()).wake(0)).toBe(true);
    // After a worker was replaced (a stopped run ends every thread), the wake warms the new threads first.
    await pool.stopWorkers();
    expect(await pool.wake()).toBe(true);
    expect(pool.info.warm).toBe(true);
  });

  it('measureModes wakes the pool right before each run of a pool mode, warm-up runs included, and never before a one-thread mode', async () => {
    const pool = warm.pool;
    const events: string[] = [];
    const wake = pool.wake.bind(pool);
    pool.wake = async () => {
      events.push('wake');
      return wake();
    };
    try {
      const workload = splitWorkWorkload({ totalUnits: 64, unitsPerTask: 16 });
      const rows = await measureModes(workload, ['sequential', 'parallel', 'hybrid', 'piscina'], {
        repeats: 3,
        warmups: 1,
        runOptions: { pool },
        onProgress: (p) => events.push(p.label.slice(workload.name.length + 1)),
      });
      // Progress is reported just before the run is measured, so a pool mode's wake comes right after its entry.
      const runs = events.filter((e) => e !== 'wake');
      expect(runs).toHaveLength(4 * 4);
      events.forEach((e, i) => {
        if (e === 'wake') expect(['parallel', 'hybrid', 'piscina']).toContain(events[i - 1]);
        else if (e === 'sequential') expect(events[i + 1]).not.toBe('wake');
        else expect(events[i + 1]).toBe('wake');
      });
      // Four subjects: the balanced order's block is 3 rounds, so 3 repeats need no rounding up; with a warm-up
      // round before them, each mode ran right after every other mode exactly once.
      const balance = rows[0]!.balance!;
      expect(balance).toMatchObject({ blockRounds: 3, rounds: 3, fewest: 1, most: 1 });
      expect(rows.every((r) => r.balance === balance && r.wallMs.length === 3)).toBe(true);
    } finally {
      pool.wake = wake;
    }
  });
});
