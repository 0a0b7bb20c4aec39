import { RunTimeoutError } from './errors.ts';
import { TaskRecord } from './task-record.ts';
import type { Task } from './effects.ts';
import type { TaskHandle } from './task.ts';

/**
 * Every task one scheduler has seen, and the part labels its trace refers to by number.
 * Labels are numbered only while steps or decisions are recorded: otherwise a million uniquely named
 * tasks would otherwise fill a million-entry map that nothing reads.
 */
export class TaskTable {
  readonly tasks: TaskRecord[] = [];
  readonly labels: string[] = [];
  private readonly labelIds = new Map<string, number>();

  constructor(
    private readonly owner: object,
    readonly recording: boolean,
  ) {}

  add<T>(name: string, task: Task<T>): TaskRecord<T> {
    // Stryker disable next-line ConditionalExpression,UnaryOperator: equivalent; numbering labels untraced only costs memory, and nothing reads an untraced label.
    const record = new TaskRecord<T>(this.tasks.length, name, task, this.owner, this.recording ? this.intern(name) : -1);
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

  /** The record behind a handle of this table's scheduler; a `TypeError` for another scheduler's handle. */
  own(handle: TaskHandle<unknown>): TaskRecord {
    const task = this.find(handle);
    if (task === undefined) throw foreignHandle(handle);
    return task;
  }

  unended(): TaskRecord[] {
    return this.tasks.filter((t) => t.state !== 'ended');
  }

  /** The error of a run cut short by its timeout, naming the tasks that had started and those that had not. */
  timeoutError(timeoutMs: number): RunTimeoutError {
    const unended = this.unended();
    const names = (started: boolean): string[] => unended.filter((t) => t.started === started).map((t) => t.name);
    return new RunTimeoutError(timeoutMs, names(true), names(false));
  }

  /** The record behind a handle, if this table's scheduler made it. */
  find(handle: TaskHandle<unknown>): TaskRecord | undefined {
    return handle instanceof TaskRecord && handle.owner === this.owner ? handle : undefined;
  }
}

export function foreignHandle(handle: TaskHandle<unknown>): TypeError {
  return new TypeError(`the handle of task "${handle.name}" belongs to another scheduler`);
}
