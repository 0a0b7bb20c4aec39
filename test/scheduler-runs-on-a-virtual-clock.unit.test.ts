import { describe, expect, it } from 'vitest';
import { cancel, CancelledError, DeadlockError, join, part, RunTimeoutError, Scheduler, sleep, spawn, waitFor, type Task, type TaskHandle } from '../src/scheduler/index.ts';
import { sleepsWithCleanup } from './helpers/tasks.ts';
import { VirtualClock, started, nextMacrotask, oneLongSlice } from './helpers/virtual-clock.ts';


// Runs checked step by step, on a clock the test moves by hand. `run()` executes its first slice
// before it returns its promise, so what a slice did is checked right after the call, and what the
// next turns of Node's event loop did after those turns: no waiting on time, and a mutant that
// loses a task or never ends the run fails an assertion instead of hanging the test. The clock
// refuses to be read more than a budget of times, so a run that spins fails too.
// Each test names the mutants (from `npm run mutate`) that it kills.

describe('one slice runs every task that is ready, and every effect that resumes at once', () => {
  it('spawn, part, join and cancel inside the first slice, and the run settles before Node\'s next turn (mutants: the spawn/join/part/cancel cases -> "", apply/advance/settle/throwInto {}, endedBy !== CONTINUE -> true, live-- -> ++, live === 0 -> false)', async () => {
    const log: string[] = [];
    function* child(): Task<string> {
      log.push('child step 1');
      yield;
      log.push('child step 2');
      return 'child value';
    }
    function* victim(): Task<void> {
      log.push('victim ran'); // never: cancelled before its first step
    }
    function* parent(victimHandle: () => TaskHandle<void>): Task<void> {
      yield part('setup');
      yield cancel(victimHandle());
      const handle = yield* spawn('child', child());
      log.push(`parent spawned ${handle.name}`);
      const value = yield* join(handle);
      log.push(`parent joined: ${value}`);
      log.push(`joined again: ${yield* join(handle)}`);
    }
    const clock = new VirtualClock();
    const s = new Scheduler({ clock: clock.read, sliceMs: oneLongSlice, trace: true });
    const parentHandle = s.spawn('parent', parent(() => victimHandle));
    s.spawn('bystander', (function* bystander(): Task<void> {
      log.push('bystander step 1');
      yield;
      log.push('bystander step 2');
    })());
    const victimHandle = s.spawn('victim', victim());
    const run = started(s);
    // parent's first step parts, cancels, spawns and parks on the join; then bystander; then the
    // cancelled victim ends without a step of its own; the child's end wakes its joiner.
    expect(log).toEqual([
      'parent spawned child',
      'bystander step 1',
      'child step 1',
      'bystander step 2',
      'child step 2',
      'parent joined: child value',
      'joined again: child value',
    ]);
    expect(victimHandle.outcome?.state).toBe('cancelled');
    expect(parentHandle.outcome).toEqual({ state: 'done', value: undefined });
    await nextMacrotask();
    expect(run.settled()).toBe('done');
    const report = run.report()!;
    expect(report.failures).toEqual([]);
    const trace = report.trace!;
    expect(trace.labels).toEqual(['parent', 'bystander', 'victim', 'setup', 'child']);
    // Each step is labelled with its task's name until the task names a part.
    const rows = Array.from({ length: trace.count }, (_, i) => `${trace.tasks[trace.task[i]!]}:${trace.labels[trace.label[i]!]}`);
    // A step is recorded when it ends, under the part the task is in by then.
    expect(rows).toEqual(['parent:setup', 'bystander:bystander', 'victim:victim', 'child:child', 'bystander:bystander', 'child:child', 'parent:setup']);
  });

  it('a task that joins itself, or a task that joins it, gets a DeadlockError naming both (mutants: waitsOn check -> false, the names -> [])', async () => {
    const caught: string[][] = [];
    const clock = new VirtualClock();
    const s = new Scheduler({ clock: clock.read, sliceMs: oneLongSlice });
    const handles: TaskHandle<void>[] = [];
    function* joins(target: () => TaskHandle<void>): Task<void> {
      try {
        yield* join(target());
      } catch (error) {
        if (error instanceof DeadlockError) caught.push([...error.tasks]);
      }
    }
    handles.push(s.spawn('self', joins(() => handles[0]!)));
    handles.push(s.spawn('a', joins(() => handles[2]!)));
    handles.push(s.spawn('b', joins(() => handles[1]!)));
    const run = started(s);
    expect(caught).toEqual([['self', 'self'], ['b', 'a']]);
    await nextMacrotask();
    expect(run.settled()).toBe('done');
  });

  it('cancelling a task that is ready but not started ends it once: no extra step (mutant: cancel\'s state === "parked" -> true)', async () => {
    const clock = new VirtualClock();
    const s = new Scheduler({ clock: clock.read, sliceMs: oneLongSlice });
    function* idle(): Task<void> {}
    const target = s.spawn('target', idle());
    function* canceller(): Task<void> {
      yield cancel(target);
      yield;
    }
    // Spawned after the target but cancels it from outside before the run: ready, not parked.
    s.spawn('canceller', canceller());
    s.cancel(target);
    const run = started(s);
    await nextMacrotask();
    expect(run.settled()).toBe('done');
    expect(target.outcome?.state).toBe('cancelled');
    expect(target.outcome?.state === 'cancelled' && target.outcome.error).toBeInstanceOf(CancelledError);
    // target: 1 step (ends at once); canceller: 2 steps.
    expect(run.report()!.steps).toBe(3);
  });
});

describe('cancelling a parked task', () => {
  it('ends a sleeper inside the slice, long before its timer, with its cleanup run (mutants: cancel\'s state === "parked" -> false, "", its block {})', () => {
    const log: string[] = [];
    const clock = new VirtualClock();
    const s = new Scheduler({ clock: clock.read, sliceMs: oneLongSlice });
    const sleeper = s.spawn('sleeper', sleepsWithCleanup(log, 'sleeper', 1_000_000));
    s.spawn('canceller', (function* canceller(): Task<void> {
      yield; // the sleeper is parked by now
      yield cancel(sleeper);
      log.push('cancelled');
    })());
    started(s);
    expect(log).toEqual(['cancelled', 'sleeper cleaned up']);
    expect(sleeper.outcome?.state).toBe('cancelled');
  });
});

describe('timeoutMs', () => {
  it('ends a run whose task waits forever, with a RunTimeoutError, before a later Node timer (mutants: the timeout never set, its callback -> undefined)', async () => {
    const s = new Scheduler({ clock: new VirtualClock().read, timeoutMs: 20 });
    const waiter = s.spawn('waiter', (function* waiter(): Task<void> {
      yield waitFor(new Promise<never>(() => undefined));
    })());
    const run = started(s);
    // Node fires timers in the order they are due: the run's 20 ms timer before the test's 300 ms one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(run.settled()).toBe('done');
    expect(run.report()!.aborted?.reason).toBeInstanceOf(RunTimeoutError);
    expect(waiter.outcome?.state).toBe('cancelled');
  });
});

describe('sleepers on the virtual clock', () => {
  it('wake inside the slice, in deadline order, each right after the step that moved the clock past its deadline (mutants: sleep case -> "", Parking wake -> undefined, makeReady {}, hasTimers fireDue after a step -> false)', () => {
    const log: string[] = [];
    const clock = new VirtualClock();
    function* sleeper(ms: number): Task<void> {
      yield sleep(ms);
      log.push(`${ms} woke at ${clock.now}`);
    }
    function* ticker(steps: number): Task<void> {
      for (let i = 0; i < steps; i++) {
        clock.now += 1;
        yield;
      }
    }
    const s = new Scheduler({ clock: clock.read, sliceMs: oneLongSlice });
    for (const ms of [3, 1, 2]) s.spawn(`sleep${ms}`, sleeper(ms));
    s.spawn('ticker', ticker(5));
    started(s);
    // The ticker's step moves the clock to 1 and goes back in the queue; the sleeper of 1 ms is woken
    // after that step and queued behind it, so it runs after the ticker's next step (clock at 2).
    expect(log).toEqual(['1 woke at 2', '2 woke at 3', '3 woke at 4']);
  });

  it('while every task sleeps, the run waits on one Node timer to the next deadline and ends before a later timer (mutants: msToNextTimer {}, deadline === undefined -> true, - -> +, fireDue at the slice start -> false, return true -> false when nothing is ready)', async () => {
    const clock = new VirtualClock(1_000_000, 40);
    function* sleeper(): Task<string> {
      yield sleep(5);
      return `woke at ${clock.now}`;
    }
    const s = new Scheduler({ clock: clock.read });
    const handle = s.spawn('sleeper', sleeper());
    const run = started(s);
    // The deadline is 5 ms away on the virtual clock; move the clock there at once. The scheduler's
    // own 5 ms timer is due long before the test's 200 ms timer, and Node fires timers in order.
    clock.now += 5;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(run.error()).toBeUndefined();
    expect(run.settled()).toBe('done');
    expect(handle.outcome).toEqual({ state: 'done', value: 'woke at 1000005' });
    expect(clock.reads).toBeLessThan(12);
  });
});
