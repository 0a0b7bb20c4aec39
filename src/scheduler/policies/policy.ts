import type { TaskRecord } from '../task-record.ts';

export const policyNames = ['round-robin', 'fifo'] as const;
export type PolicyName = (typeof policyNames)[number];

/**
 * Decides which ready task runs next. The scheduler tells it about every new task
 * (`admit`) and every task that became runnable again (`ready`), and asks `next()`.
 * `next()` may return `undefined` while tasks are ready: the policy does not let them run yet.
 */
export interface Policy {
  readonly name: PolicyName;
  admit(task: TaskRecord): void;
  ready(task: TaskRecord): void;
  next(): TaskRecord | undefined;
}
