import { describe, expect, it, expectTypeOf } from 'vitest';
import { DeadlockError, join, part, Scheduler, sleep, spawn, TaskFailedError, type Task, type TaskHandle } from '../src/scheduler/index.ts';
import { steps } from './helpers/steps.ts';

describe('spawn and join', () => {
  it('join resumes with the typed return value of the joined task', async () => {
    function* child(): Task<{ answer: number }> {
      yield sleep(1);
      return { answer: 42 };
    }
    function* parent(): Task<number> {
      const handle = yield* spawn('child', child());
      expectTypeOf(handle).toEqualTypeOf<TaskHandle<{ answer: number }>>();
      const result = yield* join(handle);
      expectTypeOf(result).toEqualTypeOf<{ answer: number }>();
      return result.answer;
    }
    const s = new Scheduler();
    const h = s.spawn('parent', parent());
    await s.run();
    expect(h.outcome).toEqual({ state: 'done', value: 42 });
  });

  it('join of a task that already ended resumes at once', async () => {
    const log: string[] = [];
    function* parent(): Task<string> {
      const handle = yield* spawn('quick', steps(log, 'q', 1));
      for (let i = 0; i < 3; i++) yield;
      log.push('joining');
      return yield* join(handle);
    }
    const s = new Scheduler();
    const h = s.spawn('parent', parent());
    await s.run();
    expect(log).toEqual(['q1', 'joining']);
    expect(h.outcome).toEqual({ state: 'done', value: 'q' });
  });

  it('join throws the joined task failure into the joiner, which may catch it', async () => {
    function* failing(): Task<never> {
      yield part('step one');
      throw new Error('disk full');
    }
    function* parent(): Task<string> {
      const handle = yield* spawn('failing', failing());
      try {
        yield* join(handle);
        return 'no error';
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message}`;
      }
    }
    const s = new Scheduler();
    const h = s.spawn('parent', parent());
    const report = await s.run();
    expect(h.outcome).toEqual({ state: 'done', value: 'TaskFailedError: task "failing" failed in part "step one": disk full' });
    expect(report.failures.map((f) => f.task)).toEqual(['failing']);
  });

  it('join in a cycle throws a DeadlockError into the task that closes it', async () => {
    const handles: TaskHandle<string>[] = [];
    function* a(): Task<string> {
      yield;
      return yield* join(handles[1]!);
    }
    function* b(): Task<string> {
      yield;
      try {
        return yield* join(handles[0]!);
      } catch (error) {
        return (error as Error).name;
      }
    }
    const s = new Scheduler();
    handles.push(s.spawn('a', a()), s.spawn('b', b()));
    await s.run();
    expect(handles[1]!.outcome).toEqual({ state: 'done', value: 'DeadlockError' });
    expect(handles[0]!.outcome).toEqual({ state: 'done', value: 'DeadlockError' });
    expect(new DeadlockError(['a', 'b']).message).toContain('"a", "b"');
  });

  it('a task joining itself gets a DeadlockError', async () => {
    let self!: TaskHandle<unknown>;
    function* narcissus(): Task<unknown> {
      return yield* join(self);
    }
    const s = new Scheduler();
    self = s.spawn('narcissus', narcissus());
    await s.run();
    expect(self.outcome?.state).toBe('failed');
    expect((self.outcome as { error: TaskFailedError }).error.cause).toBeInstanceOf(DeadlockError);
  });

  it('a handle from another scheduler is refused with a TypeError inside the task', async () => {
    const other = new Scheduler().spawn('elsewhere', steps([], 'e', 1));
    function* joiner(): Task<unknown> {
      return yield* join(other);
    }
    const s = new Scheduler();
    const h = s.spawn('joiner', joiner());
    await s.run();
    expect((h.outcome as { error: TaskFailedError }).error.message).toBe(
      'task "joiner" failed in part "joiner": the handle of task "elsewhere" belongs to another scheduler',
    );
  });
});
