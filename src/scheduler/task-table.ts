import { TaskRecord } from './task-record.ts';
import type { Task } from './effects.ts';
import type { TaskHandle } from './task.ts';

/** Every task one scheduler has seen, and the part labels its trace refers to by number. */
export class TaskTable {
  readonly tasks: TaskRecord[] = [];
  readonly labels: string[] = [];
  private readonly labelIds = new Map<string, number>();

  constructor(private readonly owner: object) {}

  add<T>(name: string, task: Task<T>): TaskRecord<T> {
    const record = new TaskRecord<T>(this.tasks.length, name, task, this.owner, this.intern(name));
    this.tasks.push(record as TaskRecord);
    return record;
  }

  /** The label's number, adding it on first use. */
  intern(label: string): number {
    let id = this.labelIds.get(label);
    if (id === undefined) {
      id = this.labels.length;
      this.labels.push(label);
      this.labelIds.set(label, id);
    }
    return id;
  }

  labelOf(task: TaskRecord): string {
    return this.labels[task.label] ?? task.name;
  }

  unended(): TaskRecord[] {
    return this.tasks.filter((t) => t.state !== 'ended');
  }

  /** The record behind a handle, if this table's scheduler made it. */
  find(handle: TaskHandle<unknown>): TaskRecord | undefined {
    return handle instanceof TaskRecord && handle.owner === this.owner ? handle : undefined;
  }
}

export function foreignHandle(handle: TaskHandle<unknown>): TypeError {
  return new TypeError(`the handle of task "${handle.name}" belongs to another scheduler`);
}
