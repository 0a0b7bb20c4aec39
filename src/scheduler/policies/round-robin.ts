import { RingQueue } from '../ring-queue.ts';
import type { TaskRecord } from '../task-record.ts';
import type { Policy } from './policy.ts';

/**
 * Every runnable task goes to the back of one queue after each step: what the seed
 * article's text describes. With k tasks ready, none waits more than k - 1 steps.
 */
export class RoundRobinPolicy implements Policy {
  readonly name = 'round-robin';
  private readonly queue = new RingQueue<TaskRecord>();

  admit(task: TaskRecord): void {
    this.queue.push(task);
  }

  ready(task: TaskRecord): void {
    this.queue.push(task);
  }

  next(): TaskRecord | undefined {
    return this.queue.shift();
  }
}
