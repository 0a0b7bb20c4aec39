import { describe, expect, it } from 'vitest';
import {
  cancel,
  CancelledError,
  join,
  Scheduler,
  sleep,
  stepEndNames,
  TaskFailedError,
  waitFor,
  type Task,
  type TaskHandle,
} from '../src/scheduler/index.ts';
import { deferred } from './helpers/deferred.ts';
import { sleeper } from './helpers/tasks.ts';

// Options of a run and the ways a sleeping scheduler is woken. Where a mutant would make a run hang
// (an idle wait nobody ends), the run carries a watchdog signal far longer than the test needs (100x),
// so that the mutant fails the test instead of timing out. Each test names the mutants it kills.
const watchdog = (): AbortSignal => AbortSignal.timeout(2_000);

function* logs(log: string[], entry: string): Task<void> {
  log.push(entry);
}

describe('a run', () => {
  it('reports its policy, and keeps no trace unless asked (mutants: policy ?? -> &&, trace === true -> true)', async () => {
    const s = new Scheduler();
    s.spawn('a', logs([], 'a'));
    const report = await s.run();
    expect(report.policy).toBe('round-robin');
    expect(report.trace).toBeUndefined();
    expect(report.steps).toBe(1);
    expect(report.endMs).toBeGreaterThanOrEqual(report.startMs);
  });

  it('runs once: a second run is refused', async () => {
    const s = new Scheduler();
    await s.run();
    await expect(s.run()).rejects.toThrow('a Scheduler runs once; create a new one for another run');
  });

  it('refuses to cancel a handle of another scheduler, from outside and from inside a task', async () => {
    const other = new Scheduler().spawn('elsewhere', logs([], 'x'));
    const s = new Scheduler();
    expect(() => s.cancel(other)).toThrow('the handle of task "elsewhere" belongs to another scheduler');
    function* canceller(): Task<void> {
      yield cancel(other);
    }
    const h = s.spawn('canceller', canceller());
    await s.run();
    expect(h.outcome?.state).toBe('failed');
  });

  it('throws a RangeError into a task that asks for an infinite or NaN sleep (mutant: !Number.isFinite(ms) -> false)', async () => {
    const messages: string[] = [];
    function* sleepsBadly(ms: number): Task<void> {
      try {
        yield sleep(ms);
      } catch (error) {
        messages.push((error as RangeError).message);
      }
    }
    const s = new Scheduler({ signal: watchdog() });
    s.spawn('inf', sleepsBadly(Number.POSITIVE_INFINITY));
    s.spawn('nan', sleepsBadly(Number.NaN));
    const report = await s.run();
    expect(messages).toEqual(['sleep(ms) needs a finite ms >= 0, got Infinity', 'sleep(ms) needs a finite ms >= 0, got NaN']);
    expect(report.aborted).toBeUndefined();
  });
});

describe('waking a scheduler that sleeps because nothing is ready', () => {
  it('a task spawned from outside runs at once, not at the next timer (mutant: spawn without idleWait.wake())', async () => {
    const log: string[] = [];
    const { promise: spawned, resolve: resolveSpawned } = deferred<string>();
    function* waitsForSpawned(): Task<void> {
      log.push(`main got ${yield* waitFor(spawned)}`);
    }
    function* lateComer(): Task<void> {
      log.push('spawned ran');
      resolveSpawned('hello');
    }
    const s = new Scheduler();
    s.spawn('main', waitsForSpawned());
    s.spawn('backstop', sleeper(log, 'backstop', 150));
    setTimeout(() => s.spawn('late', lateComer()), 5);
    await s.run();
    expect(log).toEqual(['spawned ran', 'main got hello', 'backstop woke']);
  });

  it('a promise settled from outside wakes its task at once (mutant: makeReady without idleWait.wake())', async () => {
    const log: string[] = [];
    function* waiter(): Task<void> {
      log.push(`got ${yield* waitFor(new Promise<string>((resolve) => setTimeout(() => resolve('value'), 5)))}`);
      // Woken late (at the backstop's timer), this short sleep would end after the backstop.
      yield sleep(10);
      log.push('waiter slept');
    }
    const s = new Scheduler();
    s.spawn('waiter', waiter());
    s.spawn('backstop', sleeper(log, 'backstop', 150));
    await s.run();
    expect(log).toEqual(['got value', 'waiter slept', 'backstop woke']);
  });

  it('a sleeper wakes without any outside help (mutant: msToNextTimer deadline - now -> deadline + now)', async () => {
    const log: string[] = [];
    const s = new Scheduler({ signal: watchdog() });
    s.spawn('sleeper', sleeper(log, 'sleeper', 10));
    const report = await s.run();
    expect(report.aborted).toBeUndefined();
    expect(log).toEqual(['sleeper woke']);
  });

  it('a sleep(0) next to a busy task wakes after the busy task\'s next step, not 64 steps later (mutants: hasTimers clock read -> false)', async () => {
    const log: string[] = [];
    function* busy(): Task<void> {
      for (let i = 0; i < 200; i++) {
        log.push(`busy${i}`);
        yield;
      }
    }
    const s = new Scheduler();
    s.spawn('napper', sleeper(log, 'napper', 0));
    s.spawn('busy', busy());
    await s.run();
    expect(log.indexOf('napper woke')).toBeLessThan(5);
  });
});

describe('failFast and cancellation outcomes', () => {
  it('failFast cancels the others and keeps the first failure as the reason, even when a cleanup fails too (mutant: abort without the aborted check)', async () => {
    function* failsAtOnce(): Task<void> {
      throw new Error('first failure');
    }
    function* failsInCleanup(): Task<void> {
      try {
        yield sleep(1_000);
      } finally {
        // eslint-disable-next-line no-unsafe-finally
        throw new Error('cleanup failure');
      }
    }
    function* sleeps(): Task<void> {
      yield sleep(1_000);
    }
    const s = new Scheduler({ failFast: true, signal: watchdog() });
    s.spawn('cleanup-fails', failsInCleanup());
    const quiet = s.spawn('quiet', sleeps());
    s.spawn('fails', failsAtOnce());
    const report = await s.run();
    expect(report.aborted?.reason).toBeInstanceOf(TaskFailedError);
    expect((report.aborted?.reason as TaskFailedError).message).toBe('task "fails" failed in part "fails": first failure');
    expect(report.aborted?.running).toEqual(['cleanup-fails', 'quiet']);
    expect(report.failures.map((f) => f.task)).toEqual(['fails', 'cleanup-fails']);
    expect(quiet.outcome?.state).toBe('cancelled');
  });

  it('without failFast a failure cancels nobody', async () => {
    const log: string[] = [];
    function* fails(): Task<void> {
      throw new Error('boom');
    }
    function* sleeps(): Task<void> {
      yield sleep(5);
      log.push('sleeper finished');
    }
    const s = new Scheduler();
    s.spawn('fails', fails());
    s.spawn('sleeps', sleeps());
    const report = await s.run();
    expect(report.aborted).toBeUndefined();
    expect(log).toEqual(['sleeper finished']);
  });

  it("a task cancelled by an abort carries the abort's reason as the cause of its CancelledError", async () => {
    const controller = new AbortController();
    function* sleeps(): Task<void> {
      yield sleep(1_000);
    }
    const s = new Scheduler({ signal: controller.signal });
    const h = s.spawn('sleeps', sleeps());
    setTimeout(() => controller.abort('user pressed stop'), 5);
    await s.run();
    expect(h.outcome).toEqual({ state: 'cancelled', error: expect.any(CancelledError) });
    expect((h.outcome as { error: CancelledError }).error.cause).toBe('user pressed stop');
  });

  it('a cancelled task whose cleanup joins a failed task ends cancelled, not failed (mutant: throwInto cancelling ? return : throw)', async () => {
    const s = new Scheduler();
    function* fails(): Task<void> {
      throw new Error('boom');
    }
    const failing = s.spawn('fails', fails());
    const log: string[] = [];
    function* joinsInCleanup(): Task<void> {
      try {
        yield sleep(1_000);
      } finally {
        yield* join(failing);
        log.push('after the join in cleanup');
      }
    }
    const victim = s.spawn('victim', joinsInCleanup());
    function* canceller(target: TaskHandle<unknown>): Task<void> {
      yield cancel(target);
    }
    s.spawn('canceller', canceller(victim));
    const report = await s.run();
    expect(victim.outcome?.state).toBe('cancelled');
    expect(log).toEqual([]);
    expect(report.failures.map((f) => f.task)).toEqual(['fails']);
  });

  it('traces why each step ended: failed and cancelled steps are told apart from done ones', async () => {
    function* fails(): Task<void> {
      throw new Error('boom');
    }
    function* sleeps(): Task<void> {
      yield sleep(1_000);
    }
    function* done(target: TaskHandle<unknown>): Task<void> {
      yield cancel(target);
    }
    const s = new Scheduler({ trace: true });
    s.spawn('fails', fails());
    const sleeping = s.spawn('sleeps', sleeps());
    s.spawn('done', done(sleeping));
    const trace = (await s.run()).trace;
    const rows = Array.from({ length: trace.count }, (_, i) => `${trace.tasks[trace.task[i]!]} ${stepEndNames[trace.endedBy[i]!]}`);
    expect(rows).toEqual(['fails failed', 'sleeps sleep', 'done done', 'sleeps cancelled']);
  });
});
