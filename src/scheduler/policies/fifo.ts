import { RingQueue } from '../ring-queue.ts';
import type { TaskRecord } from '../task-record.ts';
import type { Policy } from './policy.ts';

/**
 * Each task runs to completion before the next one starts: what the seed article's
 * code does. While the oldest unfinished task sleeps or waits, the thread waits with it,
 * exactly as blocking code would; a task that joins another hands it the thread, like a call.
 */
export class FifoPolicy implements Policy {
  readonly name = 'fifo';
  private readonly order = new RingQueue<TaskRecord>();

  admit(task: TaskRecord): void {
    this.order.push(task);
  }

  ready(): void {
    // Readiness lives on the record; the order of admission never changes.
  }

  next(): TaskRecord | undefined {
    let head = this.order.peek();
    while (head !== undefined && head.state === 'ended') {
      this.order.shift();
      head = this.order.peek();
    }
    // `joining` is set only while a task is parked on a join.
    while (head !== undefined && head.joining !== undefined) head = head.joining;
    return head?.state === 'ready' ? head : undefined;
  }
}
