import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { join, Scheduler, spawn, waitFor, type Task } from '../src/scheduler/index.ts';
import { VirtualClock, started, nextMacrotask, oneLongSlice } from './helpers/virtual-clock.ts';


// Runs checked step by step, on a clock the test moves by hand. `run()` executes its first slice
// before it returns its promise, so what a slice did is checked right after the call, and what the
// next turns of Node's event loop did after those turns: no waiting on time, and a mutant that
// loses a task or never ends the run fails an assertion instead of hanging the test. The clock
// refuses to be read more than a budget of times, so a run that spins fails too.
// Each test names the mutants (from `npm run mutate`) that it kills.

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
