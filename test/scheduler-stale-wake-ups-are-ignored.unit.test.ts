import { describe, expect, it } from 'vitest';
import { cancel, join, Scheduler, sleep, waitFor, type Task, type TaskHandle } from '../src/scheduler/index.ts';
import { deferred } from './helpers/deferred.ts';
import { sleeper, sleepsWithCleanup } from './helpers/tasks.ts';

// A cancelled task leaves its old timer, promise callback or joiner entry behind. Each of these must
// be ignored when it fires later, or the task would be woken a second time: run past its end (and end
// the whole run early, while other tasks still sleep) or skip its cleanup's own wait.
// Each test names the mutant (from `npm run mutate`) that it kills.

function* canceller(target: () => TaskHandle<unknown>): Task<void> {
  yield cancel(target());
}

/** Spawns `victim`, then the task `cancelling` makes for it, runs `s` to its end, and checks that the victim ended cancelled. */
async function runCancelling(s: Scheduler, victim: Task<void>, cancelling: (target: () => TaskHandle<unknown>) => Task<void>): Promise<void> {
  const handle = s.spawn('victim', victim);
  s.spawn('canceller', cancelling(() => handle));
  await s.run();
  expect(handle.outcome?.state).toBe('cancelled');
}

describe('a stale timer (parking.ts fireDue)', () => {
  it('of a cancelled sleeper does not wake it again while another task still sleeps (mutant: state === "parked" -> true)', async () => {
    const log: string[] = [];
    const s = new Scheduler();
    const early = s.spawn('early', sleeper(log, 'early', 5));
    const late = s.spawn('late', sleeper(log, 'late', 40));
    s.spawn('canceller', canceller(() => early));
    const report = await s.run();
    expect(log).toEqual(['late woke']);
    expect(early.outcome?.state).toBe('cancelled');
    expect(late.outcome?.state).toBe('done');
    expect(report.failures).toEqual([]);
  });

  it('of a cancelled sleeper does not cut short the sleep in its cleanup (mutant: entry.token === task.wakeToken -> true)', async () => {
    const log: string[] = [];
    const s = new Scheduler();
    const cleaner = s.spawn('cleaner', sleepsWithCleanup(log, 'cleaner', 5, 60));
    s.spawn('middle', sleeper(log, 'middle', 25));
    s.spawn('canceller', canceller(() => cleaner));
    await s.run();
    // The old 5 ms timer fires while the cleanup sleeps 60 ms: woken by it, the cleanup would end before 'middle'.
    expect(log).toEqual(['middle woke', 'cleaner cleaned up']);
    expect(cleaner.outcome?.state).toBe('cancelled');
  });
});

describe('a late promise (parking.ts settle)', () => {
  it('settling after its waiting task was cancelled does not resume it (mutant: state !== "parked" -> false)', async () => {
    const log: string[] = [];
    const { promise: settlesLater, resolve: resolveLater } = deferred<string>();
    function* waiter(): Task<void> {
      const value = yield* waitFor(settlesLater);
      log.push(`waiter got ${value}`);
    }
    function* cancelThenSettle(target: () => TaskHandle<unknown>): Task<void> {
      yield cancel(target());
      resolveLater('late value');
    }
    const s = new Scheduler();
    const waiting = s.spawn('waiter', waiter());
    const late = s.spawn('late', sleeper(log, 'late', 30));
    s.spawn('canceller', cancelThenSettle(() => waiting));
    await s.run();
    expect(log).toEqual(['late woke']);
    expect(waiting.outcome?.state).toBe('cancelled');
    expect(late.outcome?.state).toBe('done');
  });

  it('settling while the cancelled task waits on another promise in its cleanup is ignored (mutant: wakeToken !== token -> false)', async () => {
    const received: unknown[] = [];
    const { promise: first, resolve: resolveFirst } = deferred<string>();
    const { promise: cleanup, resolve: resolveCleanup } = deferred<string>();
    function* waiter(): Task<void> {
      try {
        received.push(yield* waitFor(first));
      } finally {
        received.push(yield* waitFor(cleanup));
      }
    }
    function* driver(target: () => TaskHandle<unknown>): Task<void> {
      yield cancel(target());
      yield; // the cancelled task now waits on `cleanup`
      resolveFirst('first');
      yield sleep(10);
      resolveCleanup('cleanup');
    }
    await runCancelling(new Scheduler(), waiter(), driver);
    expect(received).toEqual(['cleanup']);
  });
});

describe('a joiner that was cancelled (scheduler.ts settle, the joiner check)', () => {
  it('is not resumed when the task it joined ends later, while another task still sleeps (mutant: the joiner check -> false)', async () => {
    const log: string[] = [];
    function* joiner(target: () => TaskHandle<string>): Task<void> {
      const value = yield* join(target());
      log.push(`joiner got ${value}`);
    }
    function* slow(): Task<string> {
      yield sleep(10);
      log.push('target ended');
      return 'target value';
    }
    const s = new Scheduler();
    const target = s.spawn('target', slow());
    const joining = s.spawn('joiner', joiner(() => target));
    const late = s.spawn('late', sleeper(log, 'late', 40));
    s.spawn('canceller', canceller(() => joining));
    await s.run();
    expect(log).toEqual(['target ended', 'late woke']);
    expect(joining.outcome?.state).toBe('cancelled');
    expect(target.outcome).toEqual({ state: 'done', value: 'target value' });
    expect(late.outcome?.state).toBe('done');
  });

  it('that joins another task in its cleanup gets that task\'s value, not the first one\'s (mutant: joiner.joining !== task -> false)', async () => {
    const received: unknown[] = [];
    function* returnsAfter(ms: number, value: string): Task<string> {
      yield sleep(ms);
      return value;
    }
    const s = new Scheduler();
    const first = s.spawn('first', returnsAfter(10, 'first value'));
    const second = s.spawn('second', returnsAfter(40, 'second value'));
    function* joiner(): Task<void> {
      try {
        received.push(yield* join(first));
      } finally {
        received.push(yield* join(second));
      }
    }
    await runCancelling(s, joiner(), canceller);
    expect(received).toEqual(['second value']);
  });
});

describe('cancelling twice (scheduler.ts cancel, the already-cancelling check)', () => {
  it('does not cut short the cleanup of a task already being cancelled (mutant: if (task.cancelling) return -> if (false))', async () => {
    const log: string[] = [];
    const s = new Scheduler();
    const victim = s.spawn('victim', sleepsWithCleanup(log, 'victim', 1_000, 40));
    function* cancelsTwice(): Task<void> {
      yield cancel(victim);
      yield sleep(5); // the victim now sleeps in its cleanup
      yield cancel(victim);
      log.push('cancelled twice');
    }
    s.spawn('canceller', cancelsTwice());
    s.spawn('middle', sleeper(log, 'middle', 20));
    await s.run();
    expect(log).toEqual(['cancelled twice', 'middle woke', 'victim cleaned up']);
    expect(victim.outcome?.state).toBe('cancelled');
  });
});
