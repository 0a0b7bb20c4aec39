import { describe, expect, it } from 'vitest';
import { Scheduler, sleep, type Task } from '../src/scheduler/index.ts';

// Whole runs that depend on the timer heap's and the ready queue's order. The structures on their
// own are tested in scheduler-units-timer-heap-queues-and-policies.test.ts.

describe('the timer heap (timer-heap.ts)', () => {
  it('wakes five sleepers in deadline order, whatever order they fell asleep in', async () => {
    const woke: number[] = [];
    // On a clock that only the ticker moves, all five fall asleep at the same moment, however slowly
    // a busy machine runs their first steps.
    let now = 0;
    function* sleeper(ms: number): Task<void> {
      yield sleep(ms);
      woke.push(ms);
    }
    function* ticker(): Task<void> {
      for (let i = 0; i < 60; i++) {
        now += 1;
        yield;
      }
    }
    const s = new Scheduler({ clock: () => now, sliceMs: 1e9 });
    for (const ms of [50, 10, 40, 20, 30]) s.spawn(`sleep${ms}`, sleeper(ms));
    s.spawn('ticker', ticker());
    await s.run();
    expect(woke).toEqual([10, 20, 30, 40, 50]);
  });
});

describe('the ready queue (ring-queue.ts)', () => {
  it('lets 40 ready tasks take turns in spawn order under round-robin', async () => {
    const log: string[] = [];
    function* twoSteps(i: number): Task<void> {
      log.push(`${i}a`);
      yield;
      log.push(`${i}b`);
    }
    const s = new Scheduler({ policy: 'round-robin' });
    for (let i = 0; i < 40; i++) s.spawn(`t${i}`, twoSteps(i));
    await s.run();
    const ids = Array.from({ length: 40 }, (_, i) => i);
    expect(log).toEqual([...ids.map((i) => `${i}a`), ...ids.map((i) => `${i}b`)]);
  });
});

describe('the fifo policy (policies/fifo.ts)', () => {
  it('makes a sleeping head task sleep its full time: an outside timer set for sooner fires first', async () => {
    const log: string[] = [];
    function* sleepsThenLogs(): Task<void> {
      log.push('head sleeps');
      yield sleep(40);
      log.push('head woke');
    }
    function* second(): Task<void> {
      log.push('second ran');
    }
    setTimeout(() => log.push('outside timer (5 ms)'), 5);
    const s = new Scheduler({ policy: 'fifo' });
    s.spawn('head', sleepsThenLogs());
    s.spawn('second', second());
    await s.run();
    expect(log).toEqual(['head sleeps', 'outside timer (5 ms)', 'head woke', 'second ran']);
  });
});
