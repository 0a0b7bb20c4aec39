/** Why a step ended: what the task did at the `yield` (or return) that closed it. */
export const StepEnd = {
  yield: 0,
  sleep: 1,
  wait: 2,
  join: 3,
  done: 4,
  failed: 5,
  cancelled: 6,
} as const;
export type StepEndCode = (typeof StepEnd)[keyof typeof StepEnd];
export const stepEndNames = ['yield', 'sleep', 'wait', 'join', 'done', 'failed', 'cancelled'] as const;
export type StepEndName = (typeof stepEndNames)[number];

/**
 * Every step one scheduler executed, column-wise in typed arrays so that recording
 * costs one clock read and four stores, and the whole trace can cross threads cheaply.
 * Row i: task `tasks[task[i]]` ran part `labels[label[i]]` from `start[i]` to `end[i]` ms.
 */
export interface RecordedSteps {
  readonly tasks: string[];
  readonly labels: string[];
  readonly count: number;
  readonly task: Int32Array;
  readonly label: Int32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly endedBy: Uint8Array;
}

/** The five columns of a step recorder, each `capacity` long. */
export interface StepColumns {
  readonly task: Int32Array;
  readonly label: Int32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly endedBy: Uint8Array;
}

/** Makes empty columns of a capacity: the recorder's own memory by default, or shared memory (a worker's buffer). */
export type AllocateStepColumns = (capacity: number) => StepColumns;

function ownColumns(capacity: number): StepColumns {
  return { task: new Int32Array(capacity), label: new Int32Array(capacity), start: new Float64Array(capacity), end: new Float64Array(capacity), endedBy: new Uint8Array(capacity) };
}

/** Appends steps into preallocated columns that double when full. */
export class StepRecorder {
  private capacity: number;
  count = 0;
  task: Int32Array;
  label: Int32Array;
  start: Float64Array;
  end: Float64Array;
  endedBy: Uint8Array;

  constructor(
    initialCapacity = 1024,
    private readonly allocate: AllocateStepColumns = ownColumns,
  ) {
    this.capacity = initialCapacity;
    ({ task: this.task, label: this.label, start: this.start, end: this.end, endedBy: this.endedBy } = allocate(initialCapacity));
  }

  record(task: number, label: number, start: number, end: number, endedBy: StepEndCode): void {
    const i = this.count;
    if (i === this.capacity) this.grow();
    this.task[i] = task;
    this.label[i] = label;
    this.start[i] = start;
    this.end[i] = end;
    this.endedBy[i] = endedBy;
    this.count = i + 1;
  }

  /** The recorded steps: views of the columns trimmed to their count (no copy: a trace can be millions of steps). */
  finish(tasks: string[], labels: string[]): RecordedSteps {
    const n = this.count;
    return {
      tasks,
      labels,
      count: n,
      task: this.task.subarray(0, n),
      label: this.label.subarray(0, n),
      start: this.start.subarray(0, n),
      end: this.end.subarray(0, n),
      endedBy: this.endedBy.subarray(0, n),
    };
  }

  private grow(): void {
    this.capacity *= 2;
    const next = this.allocate(this.capacity);
    next.task.set(this.task);
    next.label.set(this.label);
    next.start.set(this.start);
    next.end.set(this.end);
    next.endedBy.set(this.endedBy);
    ({ task: this.task, label: this.label, start: this.start, end: this.end, endedBy: this.endedBy } = next);
  }
}
