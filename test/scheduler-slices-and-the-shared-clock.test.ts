import { describe, expect, it } from 'vitest';
import { Scheduler, sharedNow, type Task } from '../src/scheduler/index.ts';

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

describe('the shared clock (clock.ts)', () => {
  it('reads the process-wide monotonic clock in milliseconds, the one process.hrtime reads (mutants in the offset)', () => {
    const before = Number(process.hrtime.bigint()) / 1e6;
    const now = sharedNow();
    const after = Number(process.hrtime.bigint()) / 1e6;
    // Equal up to the rounding of two clock reads of the same counter.
    expect(now).toBeGreaterThanOrEqual(before - 0.5);
    expect(now).toBeLessThanOrEqual(after + 0.5);
  });
});
