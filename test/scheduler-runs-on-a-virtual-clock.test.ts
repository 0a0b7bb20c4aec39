import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cancel, CancelledError, DeadlockError, join, part, RunTimeoutError, Scheduler, sleep, spawn, waitFor, type RunReport, type Task, type TaskHandle } from '../src/scheduler/index.ts';
import { sleepsWithCleanup } from './helpers/tasks.ts';

// Runs checked step by step, on a clock the test moves by hand. `run()` executes its first slice
// before it returns its promise, so what a slice did is checked right after the call, and what the
// next turns of Node's event loop did after those turns: no waiting on time, and a mutant that
// loses a task or never ends the run fails an assertion instead of hanging the test. The clock
// refuses to be read more than a budget of times, so a run that spins fails too.
// Each test names the mutants (from `npm run mutate`) that it kills.

/** A clock the test sets; reading it more than `budget` times throws (the run spins). */
class VirtualClock {
  now: number;
  reads = 0;
  constructor(
    start = 0,
    private readonly budget = 200,
  ) {
    this.now = start;
  }
  readonly read = (): number => {
    if (++this.reads > this.budget) throw new Error(`the clock was read more than ${this.budget} times: the run spins`);
    return this.now;
  };
}

/** The run's promise, and whether (and how) it has settled so far. */
function started(s: Scheduler): { settled: () => 'pending' | 'done' | 'rejected'; report: () => RunReport | undefined; error: () => unknown } {
  let state: 'pending' | 'done' | 'rejected' = 'pending';
  let report: RunReport | undefined;
  let error: unknown;
  s.run().then(
    (r) => ((state = 'done'), (report = r)),
    (e: unknown) => ((state = 'rejected'), (error = e)),
  );
  return { settled: () => state, report: () => report, error: () => error };
}

const nextMacrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** A slice that never ends by time: only the budget of clock reads bounds it. */
const oneLongSlice = 1e9;

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

describe('slices end by the clock', () => {
  it('a task that only yields hands Node a turn every 64 steps once the slice is over, and the run ends (mutants: ++sinceClock -> --, === 64 -> true and !==, now >= sliceEnd -> >, return false -> true)', async () => {
    const clock = new VirtualClock(0, 100);
    let steps = 0;
    function* yields(n: number): Task<void> {
      for (let i = 0; i < n; i++) {
        steps++;
        yield;
      }
    }
    // The clock stands still and the slice is 0 ms long: over at the first read, every 64 steps.
    const s = new Scheduler({ clock: clock.read, sliceMs: 0 });
    s.spawn('yields', yields(200));
    const run = started(s);
    expect(steps).toBe(64);
    await nextMacrotask();
    expect(steps).toBe(128);
    await nextMacrotask();
    await nextMacrotask();
    await nextMacrotask();
    expect(steps).toBe(200);
    expect(run.settled()).toBe('done');
  });

  it('reads the clock once per 64 steps when nothing needs it: no trace, no timer (mutants: recorder !== undefined -> true, hasTimers -> true)', async () => {
    const clock = new VirtualClock(0, 1_000);
    function* yields(n: number): Task<void> {
      for (let i = 0; i < n; i++) yield;
    }
    const s = new Scheduler({ clock: clock.read, sliceMs: oneLongSlice });
    s.spawn('yields', yields(639));
    const run = started(s);
    await nextMacrotask();
    expect(run.settled()).toBe('done');
    // 640 steps: the run's start and end, the slice's start, and one read per 64 steps.
    expect(clock.reads).toBe(3 + 10);
  });

  it('an empty run reads the clock only for its start and end (mutant: while live > 0 -> >= 0)', async () => {
    const clock = new VirtualClock();
    const run = started(new Scheduler({ clock: clock.read }));
    await nextMacrotask();
    expect(run.settled()).toBe('done');
    expect(clock.reads).toBe(2);
  });
});

describe('waiting on a promise', () => {
  it('parks the task for the slice and resumes it in the next one, after the promise settled (mutants: the wait case -> "", live === 0 -> !==)', async () => {
    const log: string[] = [];
    function* waits(): Task<void> {
      log.push(`got ${yield* waitFor(Promise.resolve('value'))}`);
    }
    const clock = new VirtualClock();
    const s = new Scheduler({ clock: clock.read });
    const handle = s.spawn('waits', waits());
    const run = started(s);
    expect(log).toEqual([]);
    await nextMacrotask();
    await nextMacrotask();
    expect(log).toEqual(['got value']);
    expect(handle.outcome?.state).toBe('done');
    expect(run.settled()).toBe('done');
  });
});

describe('nothing ready, nothing due', () => {
  it('the run sleeps on Node without reading the clock until the promise its task waits on settles (mutant: nothing ready -> return false, a spin)', async () => {
    const clock = new VirtualClock(0, 20);
    let settle: (value: string) => void = () => undefined;
    const settlesLater = new Promise<string>((resolve) => (settle = resolve));
    function* waits(): Task<string> {
      return yield* waitFor(settlesLater);
    }
    const s = new Scheduler({ clock: clock.read });
    const handle = s.spawn('waits', waits());
    const run = started(s);
    const readsWhenIdle = clock.reads;
    // Many turns of Node's event loop pass while the task waits.
    for (let i = 0; i < 50; i++) await nextMacrotask();
    expect(clock.reads).toBe(readsWhenIdle);
    settle('settled');
    for (let i = 0; i < 3; i++) await nextMacrotask();
    expect(run.error()).toBeUndefined();
    expect(handle.outcome).toEqual({ state: 'done', value: 'settled' });
    expect(run.settled()).toBe('done');
  });
});

describe('the fifo policy on the virtual clock', () => {
  it('hands the thread back to a head task whose joined task ended (mutant: makeReady\'s state "ready" -> "")', () => {
    const log: string[] = [];
    function* child(): Task<number> {
      log.push('child ran');
      return 7;
    }
    function* head(): Task<void> {
      const handle = yield* spawn('child', child());
      log.push(`head joined ${yield* join(handle)}`);
    }
    const clock = new VirtualClock();
    const s = new Scheduler({ policy: 'fifo', clock: clock.read, sliceMs: oneLongSlice });
    s.spawn('head', head());
    started(s);
    expect(log).toEqual(['child ran', 'head joined 7']);
  });
});

describe('abort', () => {
  it('from inside a step cancels every task at once, inside the slice (mutant: onAbort -> () => undefined)', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    function* aborts(): Task<void> {
      yield;
      controller.abort('enough');
      log.push('aborted');
      yield;
      log.push('aborter went on');
    }
    function* loops(): Task<void> {
      try {
        for (;;) yield;
      } finally {
        log.push('looper cleaned up');
      }
    }
    const clock = new VirtualClock(0, 1_000);
    const s = new Scheduler({ clock: clock.read, sliceMs: oneLongSlice, signal: controller.signal });
    s.spawn('aborts', aborts());
    s.spawn('loops', loops());
    const run = started(s);
    expect(log).toEqual(['aborted', 'looper cleaned up']);
    await nextMacrotask();
    expect(run.settled()).toBe('done');
    expect(run.report()!.aborted).toEqual({ reason: 'enough', running: ['aborts', 'loops'] });
  });

  it('a signal aborted before the run cancels every task before its first step (mutant: signal.aborted === true -> false)', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    controller.abort('before');
    const s = new Scheduler({ clock: new VirtualClock().read, signal: controller.signal });
    s.spawn('never', (function* never(): Task<void> {
      log.push('ran');
    })());
    const run = started(s);
    expect(log).toEqual([]);
    await nextMacrotask();
    expect(run.report()!.aborted?.reason).toBe('before');
  });

  it('the run leaves no listener on the signal once it has ended (mutants: finally {}, removeEventListener("abort") -> "")', async () => {
    const controller = new AbortController();
    const s = new Scheduler({ clock: new VirtualClock().read, signal: controller.signal });
    let listenersDuringTheRun = 0;
    s.spawn('one', (function* one(): Task<void> {
      yield;
      listenersDuringTheRun = getEventListeners(controller.signal, 'abort').length;
    })());
    const run = started(s);
    expect(listenersDuringTheRun).toBe(1);
    await nextMacrotask();
    expect(run.settled()).toBe('done');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
