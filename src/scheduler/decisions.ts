/** The decisions a scheduler can explain, one event each. */
export const Decision = {
  /** A task was added (spawn): it joins the ready tasks. */
  spawn: 0,
  /** A task was taken from the ready queue to run one step. */
  take: 1,
  /** The running task yielded and went back to the ready queue. */
  yield: 2,
  /** The running task parked on a timer (`sleep`); `detail` is its wake time. */
  sleep: 3,
  /** The running task parked on a promise (`waitFor`). */
  wait: 4,
  /** The running task parked on a join; `detail` is the id of the task it waits for. */
  join: 5,
  /** A timer fired and made its task ready; `detail` is the timer's deadline. */
  fire: 6,
  /** A parked task became ready again: its promise settled (`detail` 0), the task it joined ended (1), it was cancelled (2). */
  wake: 7,
  /** The running task ended: done (`detail` 0), failed (1) or cancelled (2). */
  finish: 8,
} as const;
export type DecisionCode = (typeof Decision)[keyof typeof Decision];

/** Why a parked task became ready without a timer, as `wake`'s detail. */
export const WakeCause = { promise: 0, join: 1, cancel: 2 } as const;
export type WakeCauseCode = (typeof WakeCause)[keyof typeof WakeCause];
const wakeCauses = ['promise', 'join', 'cancel'] as const;
const outcomes = ['done', 'failed', 'cancelled'] as const;

interface EventBase {
  /** When the decision was taken, in ms on the scheduler's clock (the lab's shared clock by default). */
  readonly at: number;
  readonly task: string;
}

/** One decision of a scheduler, as `DecisionLog.finish` returns it. */
export type DecisionEvent =
  | (EventBase & { readonly kind: 'spawn' | 'take' })
  | (EventBase & { readonly kind: 'yield' | 'wait'; readonly label: string })
  | (EventBase & { readonly kind: 'sleep'; readonly label: string; readonly wakeAt: number })
  | (EventBase & { readonly kind: 'join'; readonly label: string; readonly target: string })
  | (EventBase & { readonly kind: 'fire'; readonly deadline: number })
  | (EventBase & { readonly kind: 'wake'; readonly cause: (typeof wakeCauses)[number] })
  | (EventBase & { readonly kind: 'finish'; readonly label: string; readonly outcome: (typeof outcomes)[number] });
export type DecisionKind = DecisionEvent['kind'];

/**
 * Records a scheduler's decisions as rows of numbers (no object per event while the run goes on);
 * `finish` turns them into typed events. Give one to `SchedulerOptions.decisions`; without one the
 * scheduler records nothing and pays one `undefined` check per decision.
 */
export class DecisionLog {
  private readonly rows: number[] = [];

  /** How many decisions were recorded. */
  get count(): number {
    return this.rows.length / 5;
  }

  record(code: DecisionCode, at: number, task: number, label: number, detail: number): void {
    this.rows.push(code, at, task, label, detail);
  }

  /** A parked task became ready: a `fire` when a timer's deadline is given, else a `wake` for its cause. */
  readied(at: number, task: number, label: number, cause: WakeCauseCode, timerDeadline: number | undefined): void {
    if (timerDeadline === undefined) this.record(Decision.wake, at, task, label, cause);
    else this.record(Decision.fire, at, task, label, timerDeadline);
  }

  /** The recorded decisions in the order they were taken, with task and label names resolved. */
  finish(tasks: readonly string[], labels: readonly string[]): DecisionEvent[] {
    const events: DecisionEvent[] = [];
    const rows = this.rows;
    for (let i = 0; i < rows.length; i += 5) {
      const code = rows[i] as DecisionCode;
      // The scheduler records only ids of its own task and label tables (labels are numbered while a log is given).
      const base = { at: rows[i + 1]!, task: tasks[rows[i + 2]!]! };
      const label = labels[rows[i + 3]!]!;
      const detail = rows[i + 4]!;
      events.push(toEvent(code, base, label, detail, tasks));
    }
    return events;
  }
}

function toEvent(code: DecisionCode, base: EventBase, label: string, detail: number, tasks: readonly string[]): DecisionEvent {
  switch (code) {
    case Decision.spawn:
      return { kind: 'spawn', ...base };
    case Decision.take:
      return { kind: 'take', ...base };
    case Decision.yield:
      return { kind: 'yield', ...base, label };
    case Decision.sleep:
      return { kind: 'sleep', ...base, label, wakeAt: detail };
    case Decision.wait:
      return { kind: 'wait', ...base, label };
    case Decision.join:
      return { kind: 'join', ...base, label, target: tasks[detail]! };
    case Decision.fire:
      return { kind: 'fire', ...base, deadline: detail };
    case Decision.wake:
      return { kind: 'wake', ...base, cause: wakeCauses[detail]! };
    case Decision.finish:
      return { kind: 'finish', ...base, label, outcome: outcomes[detail]! };
  }
}
