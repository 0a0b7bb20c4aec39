import { describe, expect, it } from 'vitest';
import { RunTimeoutError, Scheduler, type Task } from '../src/scheduler/index.ts';

// A task that only ever yields is always ready: the scheduler never runs out of work, so the only
// moment Node's event loop gets a turn (and with it the timeout's timer or an abort) is the end of a
// time slice. Without that hand-back (mutant in scheduler.ts runSlice: `now >= sliceEnd` -> false,
// or the clock read every 64 steps removed) such a task cannot be stopped. Each task here gives up by
// itself after a very large number of steps, so that a mutant makes the test fail, not hang.
const GIVE_UP_AFTER = 2_000_000;

function* yieldsOnly(counter: { steps: number }, giveUpAfter = GIVE_UP_AFTER): Task<string> {
  while (counter.steps < giveUpAfter) {
    counter.steps++;
    yield;
  }
  return 'gave up by itself';
}

describe('tasks that only yield', () => {
  it('are stopped by timeoutMs with a RunTimeoutError naming them', async () => {
    const a = { steps: 0 };
    const b = { steps: 0 };
    const s = new Scheduler({ timeoutMs: 5, sliceMs: 1 });
    const first = s.spawn('spinner-a', yieldsOnly(a));
    const second = s.spawn('spinner-b', yieldsOnly(b));
    const report = await s.run();
    expect(report.aborted?.reason).toBeInstanceOf(RunTimeoutError);
    expect(report.aborted?.running).toEqual(['spinner-a', 'spinner-b']);
    expect(first.outcome?.state).toBe('cancelled');
    expect(second.outcome?.state).toBe('cancelled');
    expect(a.steps).toBeLessThan(GIVE_UP_AFTER);
    // Round-robin kept them in step: neither ran more than one step ahead of the other.
    expect(Math.abs(a.steps - b.steps)).toBeLessThanOrEqual(1);
  });

  it('are stopped by an abort signal fired from outside the run, with its reason', async () => {
    const counter = { steps: 0 };
    const controller = new AbortController();
    const s = new Scheduler({ signal: controller.signal, sliceMs: 1 });
    const spinner = s.spawn('spinner', yieldsOnly(counter));
    setTimeout(() => controller.abort('stop now'), 5);
    const report = await s.run();
    expect(report.aborted).toEqual({ reason: 'stop now', running: ['spinner'] });
    expect(spinner.outcome?.state).toBe('cancelled');
    expect(counter.steps).toBeLessThan(GIVE_UP_AFTER);
  });

  it('let Node run its own callbacks between slices under the default slice length (mutant: sliceMs ?? 8 -> &&)', async () => {
    const counter = { steps: 0 };
    let immediateRanAt = -1;
    const controller = new AbortController();
    // The callback runs at the first hand-back to Node and stops the run there.
    setImmediate(() => {
      immediateRanAt = counter.steps;
      controller.abort('seen');
    });
    // A clock that moves 1 ms per read, read once per 64 steps: the default 8 ms slice ends after
    // 8 reads, at step 512, exactly. Without a slice end the spinner would give up by itself first.
    let now = 0;
    const s = new Scheduler({ signal: controller.signal, clock: () => (now += 1) });
    s.spawn('spinner', yieldsOnly(counter, 10_000));
    const report = await s.run();
    expect(report.aborted?.reason).toBe('seen');
    expect(immediateRanAt).toBe(512);
    expect(counter.steps).toBe(512);
  });
});
