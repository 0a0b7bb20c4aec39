import type { Task } from './effects.ts';
import type { Outcome, TaskHandle } from './task.ts';

/** How a task is resumed at its next step. */
export const Resume = { next: 0, throw: 1, return: 2 } as const;
export type ResumeMode = (typeof Resume)[keyof typeof Resume];

/**
 * The scheduler's book-keeping for one task. It is also the task's public handle:
 * callers see it only through the read-only `TaskHandle` interface.
 */
export class TaskRecord<T = unknown> implements TaskHandle<T> {
  state: 'ready' | 'parked' | 'ended' = 'ready';
  outcome: Outcome<T> | undefined = undefined;
  resumeMode: ResumeMode = Resume.next;
  resumeValue: unknown = undefined;
  /** Id of the current part label in the scheduler's label table. */
  label: number;
  /** Bumped at every park, so a stale timer or a late promise cannot wake the task twice. */
  wakeToken = 0;
  joining: TaskRecord | undefined = undefined;
  joiners: TaskRecord[] | undefined = undefined;
  cancelling = false;
  /** Set at the task's first step. */
  started = false;

  constructor(
    readonly id: number,
    readonly name: string,
    readonly gen: Task<T>,
    readonly owner: object,
    label: number,
  ) {
    this.label = label;
  }

  /** True when `other` is this task or a task this one is (transitively) joining. */
  waitsOn(other: TaskRecord): boolean {
    for (let t: TaskRecord | undefined = this; t !== undefined; t = t.joining) if (t === other) return true;
    return false;
  }
}
