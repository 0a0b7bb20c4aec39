import { describe, expect, it, expectTypeOf } from 'vitest';
import { join, part, Scheduler, sleep, spawn, TaskFailedError, UnknownEffectError, waitFor, type Task } from '../src/scheduler/index.ts';
import { steps } from './helpers/steps.ts';

describe('bare yield', () => {
  it('lets the other tasks run, round-robin', async () => {
    const log: string[] = [];
    const s = new Scheduler();
    s.spawn('a', steps(log, 'a', 3));
    s.spawn('b', steps(log, 'b', 2));
    await s.run();
    expect(log).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
  });
});

describe('sleep', () => {
  it('parks the task while the others run, and wakes timers in deadline order', async () => {
    const log: string[] = [];
    function* sleeper(name: string, ms: number): Task<void> {
      yield sleep(ms);
      log.push(name);
    }
    // On a clock that only the ticker moves, the sleepers' deadlines do not depend on how quickly a
    // busy machine runs their first steps.
    let now = 0;
    function* ticker(): Task<void> {
      for (let i = 0; i < 40; i++) {
        now += 1;
        yield;
      }
    }
    const s = new Scheduler({ clock: () => now, sliceMs: 1e9 });
    s.spawn('late', sleeper('late', 30));
    s.spawn('early', sleeper('early', 5));
    s.spawn('middle', sleeper('middle', 15));
    s.spawn('busy', steps(log, 'busy', 2));
    s.spawn('ticker', ticker());
    await s.run();
    expect(log).toEqual(['busy1', 'busy2', 'early', 'middle', 'late']);
  });

  it('wakes timers due at the same moment in the order they were set', async () => {
    const log: string[] = [];
    function* sleeper(name: string): Task<void> {
      yield sleep(0);
      log.push(name);
    }
    const frozen = (): number => 1000;
    const s = new Scheduler({ clock: frozen });
    for (const name of ['x', 'y', 'z']) s.spawn(name, sleeper(name));
    await s.run();
    expect(log).toEqual(['x', 'y', 'z']);
  });

  it('throws a RangeError into a task that asks for a negative sleep', async () => {
    function* bad(): Task<string> {
      try {
        yield sleep(-1);
        return 'slept';
      } catch (error) {
        return (error as Error).message;
      }
    }
    const s = new Scheduler();
    const h = s.spawn('bad', bad());
    await s.run();
    expect(h.outcome).toEqual({ state: 'done', value: 'sleep(ms) needs a finite ms >= 0, got -1' });
  });
});

describe('waitFor', () => {
  it('resumes the task with the value of the promise', async () => {
    function* reader(): Task<number> {
      const value = yield* waitFor(Promise.resolve(41));
      expectTypeOf(value).toEqualTypeOf<number>();
      return value + 1;
    }
    const s = new Scheduler();
    const h = s.spawn('reader', reader());
    await s.run();
    expect(h.outcome).toEqual({ state: 'done', value: 42 });
  });

  it('throws the rejection into the task at its yield', async () => {
    function* reader(): Task<string> {
      try {
        yield waitFor(Promise.reject(new Error('connection reset')));
        return 'read';
      } catch (error) {
        return `caught ${(error as Error).message}`;
      }
    }
    const s = new Scheduler();
    const h = s.spawn('reader', reader());
    await s.run();
    expect(h.outcome).toEqual({ state: 'done', value: 'caught connection reset' });
  });

  it('makes tasks ready in the order their promises settled', async () => {
    const log: string[] = [];
    let releaseFirst!: () => void;
    let releaseSecond!: () => void;
    const first = new Promise<void>((r) => (releaseFirst = r));
    const second = new Promise<void>((r) => (releaseSecond = r));
    function* waiter(name: string, p: Promise<void>): Task<void> {
      yield waitFor(p);
      log.push(name);
    }
    const s = new Scheduler();
    s.spawn('first', waiter('first', first));
    s.spawn('second', waiter('second', second));
    const done = s.run();
    setTimeout(() => {
      releaseSecond();
      releaseFirst();
    }, 5);
    await done;
    expect(log).toEqual(['second', 'first']);
  });
});

describe('yield* delegation', () => {
  it('carries every effect through nested generators and returns their value', async () => {
    function* fetchValue(n: number): Task<number> {
      yield sleep(1);
      const got = yield* waitFor(Promise.resolve(n * 10));
      return got + 1;
    }
    function* twice(): Task<number> {
      const a = yield* fetchValue(1);
      const b = yield* fetchValue(2);
      const child = yield* spawn('child', fetchValue(3));
      return a + b + (yield* join(child));
    }
    const s = new Scheduler();
    const h = s.spawn('twice', twice());
    await s.run();
    expect(h.outcome).toEqual({ state: 'done', value: 11 + 21 + 31 });
  });
});

describe('failures', () => {
  it('fail only the throwing task, named with its part, while the others go on', async () => {
    const log: string[] = [];
    function* thrower(): Task<void> {
      yield part('parse');
      yield;
      throw new TypeError('bad header');
    }
    const s = new Scheduler();
    const bad = s.spawn('thrower', thrower());
    const good = s.spawn('good', steps(log, 'g', 4));
    const report = await s.run();
    expect(log).toEqual(['g1', 'g2', 'g3', 'g4']);
    expect(good.outcome).toEqual({ state: 'done', value: 'g' });
    expect(bad.outcome?.state).toBe('failed');
    const error = (bad.outcome as { error: TaskFailedError }).error;
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error.message).toBe('task "thrower" failed in part "parse": bad header');
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(report.failures).toEqual([error]);
  });

  it('fail a task that yields something that is not an effect', async () => {
    function* confused(): Task<void> {
      yield 42 as never;
    }
    const s = new Scheduler();
    const h = s.spawn('confused', confused());
    await s.run();
    const error = (h.outcome as { error: TaskFailedError }).error;
    expect(error.cause).toBeInstanceOf(UnknownEffectError);
    expect(error.message).toContain('yielded number 42; yield nothing or an effect');
  });

  it('refuse to run a scheduler twice', async () => {
    const s = new Scheduler();
    await s.run();
    await expect(s.run()).rejects.toThrow('a Scheduler runs once');
  });
});

describe('tracing', () => {
  it('records every step with its task, part label and why it ended, on a monotonic clock', async () => {
    function* labelled(): Task<void> {
      yield part('connect');
      yield sleep(1);
      yield part('read');
      yield;
    }
    const s = new Scheduler({ trace: true });
    s.spawn('client', labelled());
    const { trace, steps: count } = await s.run();
    expect(trace).toBeDefined();
    const rows = Array.from({ length: trace!.count }, (_, i) => [trace!.tasks[trace!.task[i]!], trace!.labels[trace!.label[i]!], trace!.endedBy[i]]);
    expect(rows).toEqual([
      ['client', 'connect', 1],
      ['client', 'read', 0],
      ['client', 'read', 4],
    ]);
    expect(trace!.count).toBe(count);
    for (let i = 0; i < trace!.count; i++) {
      expect(trace!.end[i]).toBeGreaterThanOrEqual(trace!.start[i]!);
      if (i > 0) expect(trace!.start[i]).toBeGreaterThanOrEqual(trace!.end[i - 1]!);
    }
  });

  it('records nothing when tracing is off', async () => {
    const s = new Scheduler();
    s.spawn('a', steps([], 'a', 2));
    expect((await s.run()).trace).toBeUndefined();
  });
});
