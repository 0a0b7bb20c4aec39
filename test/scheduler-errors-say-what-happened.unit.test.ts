import { describe, expect, it } from 'vitest';
import { LabError } from '../src/errors/lab-error.ts';
import {
  CancelledError,
  DeadlockError,
  RunTimeoutError,
  Scheduler,
  TaskFailedError,
  UnknownEffectError,
  type Task,
} from '../src/scheduler/index.ts';

// The scheduler's errors reach the user as one line each (the command line prints their message):
// their wording, names and causes are behaviour. Kills the string and condition mutants of errors.ts.
describe('scheduler errors', () => {
  it('TaskFailedError names the task, its part and the cause (an Error or any thrown value)', () => {
    const cause = new Error('disk full');
    const failed = new TaskFailedError('writer', 'flush', cause);
    expect(failed).toBeInstanceOf(Error);
    expect(failed.name).toBe('TaskFailedError');
    expect(failed.message).toBe('task "writer" failed in part "flush": disk full');
    expect(failed.cause).toBe(cause);
    expect([failed.task, failed.part]).toEqual(['writer', 'flush']);
    expect(new TaskFailedError('t', 'p', 42).message).toBe('task "t" failed in part "p": 42');
  });

  it('CancelledError names the task and keeps a cause only when there is one', () => {
    const plain = new CancelledError('sleeper');
    expect(plain.name).toBe('CancelledError');
    expect(plain.message).toBe('task "sleeper" was cancelled');
    expect(plain.task).toBe('sleeper');
    expect(plain.cause).toBeUndefined();
    const reason = new Error('aborted by user');
    expect(new CancelledError('sleeper', reason).cause).toBe(reason);
  });

  it('DeadlockError quotes every task of the cycle', () => {
    const deadlock = new DeadlockError(['a', 'b']);
    expect(deadlock.name).toBe('DeadlockError');
    expect(deadlock.tasks).toEqual(['a', 'b']);
    expect(deadlock.message).toBe('deadlock: tasks "a", "b" wait on each other and nothing else can wake them');
  });

  it('RunTimeoutError lists the running and the never-started tasks, each list only when not empty', () => {
    expect(new RunTimeoutError(50).message).toBe('run exceeded its timeout of 50 ms');
    expect(new RunTimeoutError(50, ['a', 'b']).message).toBe('run exceeded its timeout of 50 ms; still running: a, b');
    expect(new RunTimeoutError(50, [], ['c']).message).toBe('run exceeded its timeout of 50 ms; not started: c');
    const both = new RunTimeoutError(9, ['a'], ['c', 'd'], 'unfinished');
    expect(both.message).toBe('run exceeded its timeout of 9 ms; unfinished: a; not started: c, d');
    expect(both.name).toBe('RunTimeoutError');
    expect([both.timeoutMs, both.running, both.notStarted]).toEqual([9, ['a'], ['c', 'd']]);
  });

  it('UnknownEffectError describes what was yielded: null, an object by its first three keys, a primitive', () => {
    const hint = '; yield nothing or an effect (sleep, waitFor, spawn, join, cancel, part)';
    expect(new UnknownEffectError(null).message).toBe(`yielded null${hint}`);
    expect(new UnknownEffectError({ a: 1, b: 2, c: 3, d: 4 }).message).toBe(`yielded an object (a, b, c)${hint}`);
    expect(new UnknownEffectError({}).message).toBe(`yielded an object (no keys)${hint}`);
    expect(new UnknownEffectError(7).message).toBe(`yielded number 7${hint}`);
    expect(new UnknownEffectError('go').message).toBe(`yielded string go${hint}`);
    const error = new UnknownEffectError(1);
    expect(error).toBeInstanceOf(LabError);
    expect(error.exitCode).toBe(1);
    expect(error.name).toBe('UnknownEffectError');
  });

  it('a run that times out names started and not-started tasks apart', async () => {
    function* spins(): Task<void> {
      for (let i = 0; i < 2_000_000; i++) yield;
    }
    function* never(): Task<void> {}
    // fifo: the second task cannot start while the first one still runs.
    const s = new Scheduler({ policy: 'fifo', timeoutMs: 5, sliceMs: 1 });
    s.spawn('spinner', spins());
    s.spawn('waiting', never());
    const report = await s.run();
    expect(report.aborted?.reason).toBeInstanceOf(RunTimeoutError);
    expect((report.aborted?.reason as RunTimeoutError).message).toBe('run exceeded its timeout of 5 ms; still running: spinner; not started: waiting');
  });
});
