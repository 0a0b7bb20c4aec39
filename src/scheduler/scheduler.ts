import { armRunTimeout } from './run-timeout.ts';
import { sharedNow, type Clock } from './clock.ts';
import { DEFAULT_SLICE_MS, STEPS_PER_CLOCK_READ, type ReportOf, type RunReport, type SchedulerOptions } from './scheduler-options.ts';
import { Decision, WakeCause, type DecisionLog, type WakeCauseCode } from './decisions.ts';
import { Effect, type AnyEffect, type Task } from './effects.ts';
import { CancelledError, DeadlockError, TaskFailedError, UnknownEffectError } from './errors.ts';
import { IdleWait, turnOfNodeEventLoop } from './idle-wait.ts';
import { Parking } from './parking.ts';
import { createPolicy, type Policy, type PolicyName } from './policies/index.ts';
import { StepEnd, StepRecorder, type StepEndCode } from './step-record.ts';
import { Resume, type TaskRecord } from './task-record.ts';
import { foreignHandle, TaskTable } from './task-table.ts';
import type { TaskHandle } from './task.ts';

/** Returned by `advance` when an effect resumed the task at once: keep stepping it. */
const CONTINUE = -1;

/**
 * A single-threaded event loop for generator tasks: a ready queue ordered by a policy,
 * a timer heap for `sleep`, promise waits for I/O, join and cancellation. While nothing
 * is ready it sleeps on Node's event loop instead of spinning.
 */
export class Scheduler<const O extends SchedulerOptions = SchedulerOptions> {
  readonly policyName: PolicyName;
  private readonly policy: Policy;
  private readonly clock: Clock;
  private readonly recorder: StepRecorder | undefined;
  private readonly decisions: DecisionLog | undefined;
  private readonly table: TaskTable;
  private readonly parking = new Parking((task, timerDeadline) => this.makeReady(task, WakeCause.promise, timerDeadline));
  private readonly failures: TaskFailedError[] = [];
  private live = 0;
  private steps = 0;
  private readonly idleWait = new IdleWait();
  private aborted: RunReport['aborted'];
  private started = false;

  constructor(private readonly options: O = {} as O) {
    this.policyName = options.policy ?? 'round-robin';
    this.policy = createPolicy(this.policyName);
    this.clock = options.clock ?? sharedNow;
    this.recorder = options.recorder ?? (options.trace === true ? new StepRecorder(options.traceCapacity) : undefined);
    this.decisions = options.decisions;
    // Stryker disable next-line ConditionalExpression: equivalent; numbering labels when nothing records them only costs memory, nothing reads them.
    this.table = new TaskTable(this, this.recorder !== undefined || this.decisions !== undefined);
  }

  /** Add a task; it starts at its first step once the run reaches it. */
  spawn<T>(name: string, task: Task<T>): TaskHandle<T> {
    const record = this.table.add(name, task);
    this.live++;
    this.decisions?.record(Decision.spawn, this.clock(), record.id, record.label, 0);
    this.policy.admit(record as TaskRecord);
    this.idleWait.wake();
    return record;
  }

  /** End a task through `generator.return()` at its next step; its joiners get a `CancelledError`. */
  cancel(handle: TaskHandle<unknown>): void {
    const task = this.table.own(handle);
    if (task.cancelling) return;
    // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent as false; cancelling an ended task sets fields that are never read again.
    if (task.state === 'ended') return;
    task.cancelling = true;
    task.resumeMode = Resume.return;
    task.resumeValue = undefined;
    if (task.state === 'parked') {
      this.parking.release(task);
      this.makeReady(task, WakeCause.cancel);
    }
  }

  /** Run until every task has ended (or the run is aborted and every task has unwound); with steps recorded, the report's `trace` is there by type. */
  async run(): Promise<ReportOf<O>> {
    if (this.started) throw new Error('a Scheduler runs once; create a new one for another run');
    this.started = true;
    const { signal, timeoutMs } = this.options;
    // Stryker disable next-line OptionalChaining: equivalent; onAbort runs only when there is a signal.
    const onAbort = (): void => this.abort(signal?.reason);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent without once; a signal aborts once, and the finally block removes the listener.
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted === true) onAbort();
    const startMs = this.clock();
    const cancelTimeout = timeoutMs === undefined ? undefined : armRunTimeout(timeoutMs, () => this.abort(this.table.timeoutError(timeoutMs)));
    try {
      while (this.live > 0) {
        const nothingReady = this.runSlice();
        if (this.live === 0) break;
        await (nothingReady ? this.idleWait.until(this.parking.msToNextTimer(this.clock)) : turnOfNodeEventLoop());
      }
    } finally {
      cancelTimeout?.();
      signal?.removeEventListener('abort', onAbort);
    }
    return {
      policy: this.policyName,
      startMs,
      endMs: this.clock(),
      steps: this.steps,
      failures: this.failures,
      aborted: this.aborted,
      trace: this.recorder?.finish(this.table.tasks.map((t) => t.name), this.table.labels),
      decisions: this.decisions?.finish(this.table.tasks.map((t) => t.name), this.table.labels),
    } as ReportOf<O>;
  }

  /** Steps tasks back to back for one slice. Returns true when it stopped because nothing may run. */
  private runSlice(): boolean {
    const { clock, recorder, decisions, parking } = this;
    let now = clock();
    parking.fireDue(now);
    const sliceEnd = now + (this.options.sliceMs ?? DEFAULT_SLICE_MS);
    let sinceClock = 0;
    for (;;) {
      const task = this.policy.next();
      if (task === undefined) return true;
      if (decisions !== undefined) decisions.record(Decision.take, clock(), task.id, task.label, 0);
      const endedBy = this.advance(task);
      this.steps++;
      // Read the clock only when something needs it: a trace, a pending timer, or the slice end.
      if (recorder !== undefined || parking.hasTimers ||
        // Stryker disable next-line ConditionalExpression,EqualityOperator: true and !== only read the clock more often (false is caught by a test).
        ++sinceClock === STEPS_PER_CLOCK_READ) {
        sinceClock = 0;
        const end = clock();
        recorder?.record(task.id, task.label, now, end, endedBy);
        now = end;
        parking.fireDue(now);
        if (now >= sliceEnd) return false;
      }
    }
  }

  /** Resumes the task until it yields the thread; returns why the step ended. */
  private advance(task: TaskRecord): StepEndCode {
    const gen = task.gen;
    task.started = true;
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
        this.decisions?.record(Decision.yield, this.clock(), task.id, task.label, 0);
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
        const now = this.clock();
        this.parking.sleepUntil(task, now + ms);
        this.decisions?.record(Decision.sleep, now, task.id, task.label, now + ms);
        return StepEnd.sleep;
      }
      case 'wait':
        this.decisions?.record(Decision.wait, this.clock(), task.id, task.label, 0);
        this.parking.waitFor(task, effect.promise);
        return StepEnd.wait;
      case 'spawn':
        task.resumeValue = this.spawn(effect.name, effect.task);
        return CONTINUE;
      case 'join': {
        const target = this.table.find(effect.handle);
        if (target === undefined) return this.throwInto(task, foreignHandle(effect.handle));
        if (target.state === 'ended') return this.resumeWithOutcome(task, target);
        if (target.waitsOn(task)) return this.throwInto(task, new DeadlockError([task.name, target.name]));
        this.decisions?.record(Decision.join, this.clock(), task.id, task.label, target.id);
        this.parking.join(task, target);
        return StepEnd.join;
      }
      case 'cancel':
        if (this.table.find(effect.handle) === undefined) return this.throwInto(task, foreignHandle(effect.handle));
        this.cancel(effect.handle);
        return CONTINUE;
      case 'part':
        task.part = effect.label;
        // Stryker disable next-line ConditionalExpression: equivalent; numbering a label unrecorded only costs memory, nothing reads it.
        if (this.table.recording) task.label = this.table.intern(effect.label);
        return CONTINUE;
    }
  }

  private settle(task: TaskRecord, state: 'done' | 'failed' | 'cancelled', valueOrError: unknown): StepEndCode {
    task.state = 'ended';
    this.live--;
    this.decisions?.record(Decision.finish, this.clock(), task.id, task.label, state === 'done' ? 0 : state === 'failed' ? 1 : 2);
    if (state === 'done') task.outcome = { state, value: valueOrError };
    else if (state === 'cancelled') task.outcome = { state, error: new CancelledError(task.name, this.aborted?.reason) };
    else {
      const error = new TaskFailedError(task.name, task.part, valueOrError);
      task.outcome = { state, error };
      this.failures.push(error);
      if (this.options.failFast === true) this.abort(error);
    }
    if (task.joiners !== undefined) for (const joiner of task.joiners) {
      if (joiner.joining !== task ||
        // Stryker disable next-line ConditionalExpression: equivalent; `joining` is set only while parked on a join (release clears it).
        joiner.state !== 'parked') continue;
      joiner.joining = undefined;
      this.resumeWithOutcome(joiner, task);
      this.makeReady(joiner, WakeCause.join);
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

  private makeReady(task: TaskRecord, cause: WakeCauseCode, timerDeadline?: number): void {
    this.decisions?.readied(this.clock(), task.id, task.label, cause, timerDeadline);
    task.state = 'ready';
    this.policy.ready(task);
    this.idleWait.wake();
  }

  private abort(reason: unknown): void {
    if (this.aborted !== undefined) return;
    const running = this.table.unended();
    this.aborted = { reason, running: running.map((t) => t.name) };
    for (const task of running) this.cancel(task);
  }
}
