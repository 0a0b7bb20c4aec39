import { StepRecorder, type StepColumns, type RecordedSteps } from '../scheduler/index.ts';

/**
 * One worker's steps of one run, column-wise in shared memory: the worker appends, the lab
 * reads them once the run is over. Nothing is cloned back per task; a reply carries the buffer
 * only when it is new (the worker's first task of the run, or after the columns grew).
 *
 * Layout for capacity C: Int32 count, pad, Float64 start[C], Float64 end[C], Int32 task[C],
 * Int32 label[C], Uint8 endedBy[C]. `task` indexes the workload's tasks, `label` the run's label table.
 */
const HEADER_BYTES = 8;
const BYTES_PER_STEP = 8 + 8 + 4 + 4 + 1;

/** The columns of a step buffer, as views, and its count. */
interface StepBufferViews extends StepColumns {
  readonly header: Int32Array;
}

function columnsOf(buffer: SharedArrayBuffer): StepBufferViews {
  const capacity = (buffer.byteLength - HEADER_BYTES) / BYTES_PER_STEP;
  return {
    header: new Int32Array(buffer, 0, 1),
    start: new Float64Array(buffer, HEADER_BYTES, capacity),
    end: new Float64Array(buffer, HEADER_BYTES + 8 * capacity, capacity),
    task: new Int32Array(buffer, HEADER_BYTES + 16 * capacity, capacity),
    label: new Int32Array(buffer, HEADER_BYTES + 20 * capacity, capacity),
    endedBy: new Uint8Array(buffer, HEADER_BYTES + 24 * capacity, capacity),
  };
}

/**
 * Worker side: a step recorder whose columns live in shared memory, given to each task's
 * scheduler in turn. A scheduler records its own task and label numbers; `commit` turns the
 * rows of the task just run into the run's numbers and publishes the count.
 */
export class SharedStepWriter {
  buffer!: SharedArrayBuffer;
  private header!: Int32Array;
  /** True until a reply has carried the current buffer to the lab. */
  unsent = true;
  readonly recorder: StepRecorder;

  constructor(capacity = 256) {
    this.recorder = new StepRecorder(capacity, (n) => this.allocate(n));
  }

  /** Rows `from` to the end belong to task number `task`; their labels are numbers in `labels`, mapped by `labelIds`. */
  commit(from: number, task: number, labels: readonly string[], labelIds: ReadonlyMap<string, number>): void {
    const r = this.recorder;
    for (let row = from; row < r.count; row++) {
      r.task[row] = task;
      r.label[row] = labelIds.get(labels[r.label[row]!]!) ?? -1;
    }
    Atomics.store(this.header, 0, r.count);
  }

  private allocate(capacity: number): StepColumns {
    this.buffer = new SharedArrayBuffer(HEADER_BYTES + BYTES_PER_STEP * capacity);
    const views = columnsOf(this.buffer);
    this.header = views.header;
    this.unsent = true;
    return views;
  }
}

/** Lab side: the steps of a buffer as a `RecordedSteps`, with the run's task names and label table. */
export function readSharedSteps(buffer: SharedArrayBuffer, tasks: string[], labels: string[]): RecordedSteps {
  const c = columnsOf(buffer);
  const n = Atomics.load(c.header, 0);
  return {
    tasks,
    labels,
    count: n,
    task: c.task.slice(0, n),
    label: c.label.slice(0, n),
    start: c.start.slice(0, n),
    end: c.end.slice(0, n),
    endedBy: c.endedBy.slice(0, n),
  };
}

/** Every part label a workload's tasks can announce, in a fixed order both threads compute alike. */
export function labelTable(workload: { readonly tasks: readonly { readonly name: string; readonly parts: readonly { readonly kind: string; readonly label?: string }[] }[] }): string[] {
  const labels = new Set<string>();
  for (const task of workload.tasks) task.parts.forEach((p, i) => p.kind !== 'delegate' && labels.add(p.label ?? `${task.name}.${i + 1}`));
  // A task labels its steps with its own name until its first part begins.
  for (const task of workload.tasks) labels.add(task.name);
  return [...labels];
}
