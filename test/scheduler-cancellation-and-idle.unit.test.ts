import { describe, expect, it } from 'vitest';
import { idleCpu } from '../src/measure/idle-cpu.ts';
import {
  cancel,
  CancelledError,
  join,
  RunTimeoutError,
  Scheduler,
  sleep,
  spawn,
  waitFor,
  type Task,
  type TaskHandle,
} from '../src/scheduler/index.ts';
import { armRunTimeout } from '../src/scheduler/run-timeout.ts';

const LONG_SLEEP_MS = 20_000;
const runMs = (report: { startMs: number; endMs: number }): number => report.endMs - report.startMs;

describe('cancel(handle)', () => {
  it('ends a sleeping task through return(): its finally block runs and its joiner gets a CancelledError', async () => {
    const log: string[] = [];
    function* sleeper(): Task<string> {
      try {
        yield sleep(LONG_SLEEP_MS);
        return 'woke';
      } finally {
        log.push('sleeper cleaned up');
      }
    }
    function* boss(): Task<string> {
      const h = yield* spawn('sleeper', sleeper());
      yield;
      yield cancel(h);
      try {
        return yield* join(h);
      } catch (error) {
        log.push(`boss caught ${(error as Error).name}`);
        return (error as CancelledError).task;
      }
    }
    const s = new Scheduler();
    const bossHandle = s.spawn('boss', boss());
    const report = await s.run();
    expect(log).toEqual(['sleeper cleaned up', 'boss caught CancelledError']);
    expect(bossHandle.outcome).toEqual({ state: 'done', value: 'sleeper' });
    // The cancelled timer does not hold the run: it ends long before the sleep would have.
    expect(runMs(report)).toBeLessThan(LONG_SLEEP_MS / 4);
  });

  it('ends a task waiting on a promise that never settles', async () => {
    function* forever(): Task<void> {
      yield waitFor(new Promise<never>(() => {}));
    }
    const s = new Scheduler();
    const h = s.spawn('forever', forever());
    setTimeout(() => s.cancel(h), 5);
    await s.run();
    expect(h.outcome?.state).toBe('cancelled');
    expect((h.outcome as { error: CancelledError }).error).toBeInstanceOf(CancelledError);
  });

  it('of a task that never started: it never runs a step', async () => {
    const log: string[] = [];
    function* never(): Task<void> {
      log.push('ran');
      yield;
    }
    const s = new Scheduler({ trace: true });
    const h = s.spawn('never', never());
    s.cancel(h);
    const report = await s.run();
    expect(log).toEqual([]);
    expect(h.outcome?.state).toBe('cancelled');
    expect(report.trace.count).toBe(1); // the single step in which return() ended it
  });

  it('lets cleanup that itself yields finish before the task counts as cancelled', async () => {
    const log: string[] = [];
    function* careful(): Task<void> {
      try {
        yield sleep(LONG_SLEEP_MS);
      } finally {
        yield sleep(1);
        log.push('flushed');
      }
    }
    const s = new Scheduler();
    const h = s.spawn('careful', careful());
    setTimeout(() => s.cancel(h), 5);
    await s.run();
    expect(log).toEqual(['flushed']);
    expect(h.outcome?.state).toBe('cancelled');
  });

  it('is harmless on a task that already ended', async () => {
    function* done(): Task<number> {
      return 1;
    }
    const s = new Scheduler();
    const h = s.spawn('done', done());
    await s.run();
    s.cancel(h);
    expect(h.outcome).toEqual({ state: 'done', value: 1 });
  });
});

describe('AbortSignal and timeout for a whole run', () => {
  function* stubborn(log: string[], name: string): Task<void> {
    try {
      yield sleep(LONG_SLEEP_MS);
    } finally {
      log.push(`${name} unwound`);
    }
  }

  it('aborting cancels every task, runs their finally blocks and reports who was still running', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const s = new Scheduler({ signal: controller.signal });
    const handles: TaskHandle<void>[] = [s.spawn('one', stubborn(log, 'one')), s.spawn('two', stubborn(log, 'two'))];
    setTimeout(() => controller.abort(new Error('user pressed stop')), 5);
    const report = await s.run();
    expect(log.sort()).toEqual(['one unwound', 'two unwound']);
    expect(handles.map((h) => h.outcome?.state)).toEqual(['cancelled', 'cancelled']);
    expect(report.aborted?.running).toEqual(['one', 'two']);
    expect((report.aborted?.reason as Error).message).toBe('user pressed stop');
    expect(runMs(report)).toBeLessThan(LONG_SLEEP_MS / 4);
  });

  it('a signal aborted before the run starts cancels every task before its first step', async () => {
    const log: string[] = [];
    const s = new Scheduler({ signal: AbortSignal.abort('no time') });
    const h = s.spawn('one', stubborn(log, 'one'));
    const report = await s.run();
    expect(log).toEqual([]);
    expect(h.outcome?.state).toBe('cancelled');
    expect(report.aborted?.reason).toBe('no time');
  });

  it('timeoutMs bounds the run with a RunTimeoutError naming the tasks still running', async () => {
    const log: string[] = [];
    function* quick(): Task<void> {
      yield sleep(1);
    }
    const s = new Scheduler({ timeoutMs: 30 });
    s.spawn('quick', quick());
    s.spawn('slow', stubborn(log, 'slow'));
    const report = await s.run();
    expect(report.aborted?.reason).toBeInstanceOf(RunTimeoutError);
    expect(report.aborted?.running).toEqual(['slow']);
    expect((report.aborted?.reason as Error).message).toBe('run exceeded its timeout of 30 ms; still running: slow');
    expect(log).toEqual(['slow unwound']);
  });

  it('never cuts a run before its timeout is up, even when Node\'s timer fires early by the clock that counts', async () => {
    // A clock at half speed, far from zero: Node's timer fires when that clock says only half the time has passed.
    const origin = performance.now();
    const halfSpeed = (): number => 1000 + (performance.now() - origin) / 2;
    const expiredAt = await new Promise<number>((resolve) => armRunTimeout(20, () => resolve(halfSpeed()), halfSpeed));
    expect(expiredAt).toBeGreaterThanOrEqual(1020);
    let fired = false;
    armRunTimeout(5, () => (fired = true))();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fired).toBe(false);
  });
});

describe('idle without spinning', () => {
  it('uses under 5% of the wall time in CPU while every task sleeps for 500 ms', async () => {
    const idle = await idleCpu(10, 500);
    expect(idle.share).toBeLessThan(0.05);
  });
});
