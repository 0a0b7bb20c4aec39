import { sharedNow, type Clock } from './clock.ts';
import { Effect, type AnyEffect } from './effects.ts';
import { CancelledError, DeadlockError, RunTimeoutError, TaskFailedError, UnknownEffectError } from './errors.ts';
import { createPolicy, type Policy, type PolicyName } from './policies/index.ts';
import { StepEnd, StepRecorder, type StepEndCode, type StepTrace } from './step-trace.ts';
import { Resume, TaskRecord, type ResumeMode } from './task-record.ts';
import type { Task, TaskHandle } from './task.ts';
import { TimerHeap } from './timer-heap.ts';

export interface SchedulerOptions {
  /** Which ready task runs next. Default `round-robin`. */
  readonly policy?: PolicyName;
  /** Record every step (task, part, start, end). Default off. */
  readonly trace?: boolean;
  /** Time source for traces and timers. Default: the process-wide shared clock. */
  readonly clock?: Clock;
  /** Aborting it cancels every task (their `finally` blocks run) and ends the run. */
  readonly signal?: AbortSignal;
  /** Abort the run with a `RunTimeoutError` after this many milliseconds. */
  readonly timeoutMs?: number;
  /** How long tasks run back to back before Node's own event loop gets a turn (I/O, abort). */
  readonly sliceMs?: number;
}

/** What a finished run tells: when, how many steps, which tasks failed, whether it was aborted. */
export interface RunReport {
  readonly policy: PolicyName;
  readonly startMs: number;
  readonly endMs: number;
  readonly steps: number;
  readonly failures: readonly TaskFailedError[];
  readonly aborted: { readonly reason: unknown; readonly running: readonly string[] } | undefined;
  readonly trace: StepTrace | undefined;
}

/** Returned by `advance` when an effect resumed the task at once: keep stepping it. */
const CONTINUE = -1;

/**
 * A single-threaded event loop for generator tasks: a ready queue ordered by a policy,
 * a timer heap for `sleep`, promise waits for I/O, join and cancellation. While nothing
 * is ready it sleeps on Node's event loop instead of spinning.
 */
export class Scheduler {
  readonly policyName: PolicyName;
  private readonly policy: Policy;
  private readonly clock: Clock;
  private readonly recorder: StepRecorder | undefined;
  private readonly timers = new TimerHeap<TaskRecord>();
  private readonly labels: string[] = [];
  private readonly labelIds = new Map<string, number>();
  private readonly tasks: TaskRecord[] = [];
  private readonly failures: TaskFailedError[] = [];
  private live = 0;
  private pendingWaits = 0;
  private steps = 0;
  private wakeIdle: (() => void) | undefined;
  private aborted: RunReport['aborted'];
  private started = false;

  constructor(private readonly options: SchedulerOptions = {}) {
    this.policyName = options.policy ?? 'round-robin';
    this.policy = createPolicy(this.policyName);
    this.clock = options.clock ?? sharedNow;
    this.recorder = options.trace === true ? new StepRecorder() : undefined;
  }

  /** Add a task; it starts at its first step once the run reaches it. */
  spawn<T>(name: string, task: Task<T>): TaskHandle<T> {
    const record = new TaskRecord<T>(this.tasks.length, name, task, this, this.intern(name));
    this.tasks.push(record as TaskRecord);
    this.live++;
    this.policy.admit(record as TaskRecord);
    this.wakeIdle?.();
    return record;
  }

  /** End a task through `generator.return()` at its next step; its joiners get a `CancelledError`. */
  cancel(handle: TaskHandle<unknown>): void {
    const task = this.own(handle);
    if (task.state === 'ended' || task.cancelling) return;
    task.cancelling = true;
    task.resumeMode = Resume.return;
    task.resumeValue = undefined;
    if (task.state === 'parked') this.unpark(task);
  }

  /** Run until every task has ended (or the run is aborted and every task has unwound). */
  async run(): Promise<RunReport> {
    if (this.started) throw new Error('a Scheduler runs once; create a new one for another run');
    this.started = true;
    const { signal, timeoutMs } = this.options;
    const onAbort = (): void => this.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted === true) onAbort();
    const timeout =
      timeoutMs === undefined ? undefined : setTimeout(() => this.abort(new RunTimeoutError(timeoutMs, this.unended().map((t) => t.name))), timeoutMs);
    const startMs = this.clock();
    try {
      while (this.live > 0) {
        const nothingReady = this.runSlice();
        if (this.live === 0) break;
        await (nothingReady ? this.idle() : turnOfNodeEventLoop());
      }
    } finally {
      clearTimeout(timeout);
      signal?.removeEventListener('abort', onAbort);
    }
    return {
      policy: this.policyName,
      startMs,
      endMs: this.clock(),
      steps: this.steps,
      failures: this.failures,
      aborted: this.aborted,
      trace: this.recorder?.finish(this.tasks.map((t) => t.name), this.labels),
    };
  }

  /** Steps tasks back to back for one slice. Returns true when it stopped because nothing may run. */
  private runSlice(): boolean {
    const clock = this.clock;
    const recorder = this.recorder;
    let now = clock();
    if (this.timers.size > 0) this.fireTimers(now);
    const sliceEnd = now + (this.options.sliceMs ?? 8);
    let sinceClock = 0;
    for (;;) {
      const task = this.policy.next();
      if (task === undefined) return true;
      const endedBy = this.advance(task);
      this.steps++;
      // Read the clock only when something needs it: a trace, a pending timer, or the slice end.
      if (recorder !== undefined || this.timers.size > 0 || ++sinceClock === 64) {
        sinceClock = 0;
        const end = clock();
        recorder?.record(task.id, task.label, now, end, endedBy);
        now = end;
        if (this.timers.size > 0) this.fireTimers(now);
        if (now >= sliceEnd) return false;
      }
    }
  }

  /** Resumes the task until it yields the thread; returns why the step ended. */
  private advance(task: TaskRecord): StepEndCode {
    const gen = task.gen;
    for (;;) {
      const mode = task.resumeMode;
      const value = task.resumeValue;
      task.resumeMode = Resume.next;
      task.resumeValue = undefined;
      let result: IteratorResult<unknown, unknown>;
      try {
        result = mode === Resume.next ? gen.next(value) : mode === Resume.throw ? gen.throw(value) : gen.return(undefined);
      } catch (error) {
        return this.settle(task, 'failed', error);
      }
      if (result.done === true) return this.settle(task, task.cancelling ? 'cancelled' : 'done', result.value);
      const yielded = result.value;
      if (yielded === undefined) {
        this.policy.ready(task);
        return StepEnd.yield;
      }
      const endedBy = yielded instanceof Effect ? this.apply(task, yielded as AnyEffect) : this.throwInto(task, new UnknownEffectError(yielded));
      if (endedBy !== CONTINUE) return endedBy;
    }
  }

  /** Carries out an effect: parks the task (returns why) or sets its resume value (returns CONTINUE). */
  private apply(task: TaskRecord, effect: AnyEffect): StepEndCode | typeof CONTINUE {
    switch (effect.kind) {
      case 'sleep': {
        const ms = effect.ms;
        if (!(ms >= 0) || !Number.isFinite(ms)) return this.throwInto(task, new RangeError(`sleep(ms) needs a finite ms >= 0, got ${ms}`));
        this.park(task, 'timer');
        this.timers.push(this.clock() + ms, task, task.wakeToken);
        return StepEnd.sleep;
      }
      case 'wait': {
        this.park(task, 'wait');
        const token = task.wakeToken;
        this.pendingWaits++;
        Promise.resolve(effect.promise).then(
          (value) => this.wakeFromWait(task, token, Resume.next, value),
          (error: unknown) => this.wakeFromWait(task, token, Resume.throw, error),
        );
        return StepEnd.wait;
      }
      case 'spawn':
        task.resumeValue = this.spawn(effect.name, effect.task);
        return CONTINUE;
      case 'join': {
        const target = this.ownedOrUndefined(effect.handle);
        if (target === undefined) return this.throwInto(task, foreignHandle(effect.handle));
        if (target.state === 'ended') return this.resumeWithOutcome(task, target);
        if (target.waitsOn(task)) return this.throwInto(task, new DeadlockError([task.name, target.name]));
        this.park(task, 'join');
        task.joining = target;
        (target.joiners ??= []).push(task);
        return StepEnd.join;
      }
      case 'cancel':
        if (this.ownedOrUndefined(effect.handle) === undefined) return this.throwInto(task, foreignHandle(effect.handle));
        this.cancel(effect.handle);
        return CONTINUE;
      case 'part':
        task.label = this.intern(effect.label);
        return CONTINUE;
    }
  }

  private settle(task: TaskRecord, state: 'done' | 'failed' | 'cancelled', valueOrError: unknown): StepEndCode {
    task.state = 'ended';
    this.live--;
    if (state === 'done') {
      task.outcome = { state, value: valueOrError };
    } else if (state === 'cancelled') {
      task.outcome = { state, error: new CancelledError(task.name, this.aborted?.reason) };
    } else {
      const error = new TaskFailedError(task.name, this.labels[task.label] ?? task.name, valueOrError);
      task.outcome = { state, error };
      this.failures.push(error);
    }
    for (const joiner of task.joiners ?? []) {
      if (joiner.joining !== task || joiner.state !== 'parked') continue;
      joiner.joining = undefined;
      this.resumeWithOutcome(joiner, task);
      this.makeReady(joiner);
    }
    task.joiners = undefined;
    return state === 'done' ? StepEnd.done : state === 'failed' ? StepEnd.failed : StepEnd.cancelled;
  }

  private resumeWithOutcome(task: TaskRecord, ended: TaskRecord): typeof CONTINUE {
    const outcome = ended.outcome!;
    if (outcome.state === 'done') task.resumeValue = outcome.value;
    else this.throwInto(task, outcome.error);
    return CONTINUE;
  }

  private throwInto(task: TaskRecord, error: unknown): typeof CONTINUE {
    task.resumeMode = task.cancelling ? Resume.return : Resume.throw;
    task.resumeValue = error;
    return CONTINUE;
  }

  private park(task: TaskRecord, on: 'timer' | 'wait' | 'join'): void {
    task.state = 'parked';
    task.parkedOn = on;
    task.wakeToken++;
  }

  /** Takes a parked task off whatever it waits on (stale timers and promises are ignored by token). */
  private unpark(task: TaskRecord): void {
    if (task.parkedOn === 'wait') this.pendingWaits--;
    task.joining = undefined;
    task.wakeToken++;
    this.makeReady(task);
  }

  private makeReady(task: TaskRecord): void {
    task.state = 'ready';
    task.parkedOn = 'none';
    this.policy.ready(task);
    this.wakeIdle?.();
  }

  private wakeFromWait(task: TaskRecord, token: number, mode: ResumeMode, value: unknown): void {
    if (task.wakeToken !== token || task.state !== 'parked') return;
    this.pendingWaits--;
    task.resumeMode = mode;
    task.resumeValue = value;
    this.makeReady(task);
  }

  private fireTimers(now: number): void {
    const timers = this.timers;
    while (timers.size > 0 && timers.peekDeadline()! <= now) {
      const entry = timers.pop()!;
      const task = entry.target;
      if (entry.token === task.wakeToken && task.state === 'parked') this.makeReady(task);
    }
  }

  /** Sleeps on Node's event loop until the next timer is due or a wait settles. */
  private async idle(): Promise<void> {
    const deadline = this.timers.peekDeadline();
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.wakeIdle = resolve;
      if (deadline !== undefined) timer = setTimeout(resolve, Math.max(0, Math.ceil(deadline - this.clock())));
    });
    this.wakeIdle = undefined;
    clearTimeout(timer);
  }

  private abort(reason: unknown): void {
    if (this.aborted !== undefined) return;
    const running = this.unended();
    this.aborted = { reason, running: running.map((t) => t.name) };
    for (const task of running) this.cancel(task);
  }

  private unended(): TaskRecord[] {
    return this.tasks.filter((t) => t.state !== 'ended');
  }

  private intern(label: string): number {
    let id = this.labelIds.get(label);
    if (id === undefined) {
      id = this.labels.length;
      this.labels.push(label);
      this.labelIds.set(label, id);
    }
    return id;
  }

  private own(handle: TaskHandle<unknown>): TaskRecord {
    const task = this.ownedOrUndefined(handle);
    if (task === undefined) throw foreignHandle(handle);
    return task;
  }

  private ownedOrUndefined(handle: TaskHandle<unknown>): TaskRecord | undefined {
    return handle instanceof TaskRecord && handle.owner === this ? handle : undefined;
  }
}

function foreignHandle(handle: TaskHandle<unknown>): TypeError {
  return new TypeError(`the handle of task "${handle.name}" belongs to another scheduler`);
}

function turnOfNodeEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
