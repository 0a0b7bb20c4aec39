import { describe, expect, it } from 'vitest';
import { Scheduler, sharedNow, sleep, waitFor, type Task } from '../src/scheduler/index.ts';

describe('a time slice', () => {
  it('runs ready tasks back to back until sliceMs has passed: Node gets no turn in between (mutant: now >= sliceEnd -> true)', async () => {
    const counter = { steps: 0 };
    function* yields(n: number): Task<void> {
      for (let i = 0; i < n; i++) {
        counter.steps++;
        yield;
      }
    }
    let nodeGotATurnAfterSteps: number | undefined;
    setImmediate(() => (nodeGotATurnAfterSteps = counter.steps));
    // A slice far longer than 1000 steps take: the whole run fits in the first slice.
    const s = new Scheduler({ sliceMs: 60_000 });
    s.spawn('a', yields(500));
    s.spawn('b', yields(500));
    await s.run();
    expect(counter.steps).toBe(1000);
    // The run ended within its first slice, before Node's event loop had a turn.
    expect(nodeGotATurnAfterSteps).toBeUndefined();
  });
});

// The shared clock itself is tested in scheduler-units-timer-heap-queues-and-policies.test.ts.

describe('an idle scheduler does not poll (idle-wait.ts)', () => {
  // Counted, not timed: while nothing can run, the loop sleeps on one Node timer (or none), so the clock
  // is read a handful of times however long the wait. Polling every millisecond would read it dozens of times.
  function countingClock(): { clock: () => number; reads: () => number } {
    let reads = 0;
    return { clock: () => (reads++, sharedNow()), reads: () => reads };
  }

  it('while its only task waits 60 ms on a promise (mutant: delayMs !== undefined -> true)', async () => {
    const { clock, reads } = countingClock();
    function* waiter(): Task<string> {
      return yield* waitFor(new Promise<string>((resolve) => setTimeout(() => resolve('done'), 60)));
    }
    const s = new Scheduler({ clock });
    const h = s.spawn('waiter', waiter());
    await s.run();
    expect(h.outcome).toEqual({ state: 'done', value: 'done' });
    expect(reads(), `clock reads`).toBeLessThan(15);
  });

  it('while its only task sleeps 60 ms (mutant: Math.max(0, ...) -> Math.min)', async () => {
    const { clock, reads } = countingClock();
    function* sleeper(): Task<void> {
      yield sleep(60);
    }
    const s = new Scheduler({ clock });
    s.spawn('sleeper', sleeper());
    await s.run();
    expect(reads(), `clock reads`).toBeLessThan(15);
  });
});
