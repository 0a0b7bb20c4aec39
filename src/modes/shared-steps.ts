import type { StepTrace } from '../scheduler/index.ts';

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

/** The columns of a step buffer, as views. */
interface StepColumns {
  readonly header: Int32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly task: Int32Array;
  readonly label: Int32Array;
  readonly endedBy: Uint8Array;
}

function columnsOf(buffer: SharedArrayBuffer): StepColumns {
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

/** Worker side: appends each finished task's steps, mapping the scheduler's own task and label ids to the run's. */
export class SharedStepWriter {
  buffer: SharedArrayBuffer;
  private columns: StepColumns;
  private count = 0;
  /** True until a reply has carried the current buffer to the lab. */
  unsent = true;

  constructor(capacity = 256) {
    this.buffer = new SharedArrayBuffer(HEADER_BYTES + BYTES_PER_STEP * capacity);
    this.columns = columnsOf(this.buffer);
  }

  /** Appends every step of `trace`, each of its tasks given by its index in the workload, each label by `labelIds`. */
  append(trace: StepTrace, taskIds: readonly number[], labelIds: ReadonlyMap<string, number>): void {
    const need = this.count + trace.count;
    if (need > this.columns.start.length) this.grow(need);
    const c = this.columns;
    for (let i = 0; i < trace.count; i++) {
      const row = this.count + i;
      c.start[row] = trace.start[i]!;
      c.end[row] = trace.end[i]!;
      c.task[row] = taskIds[trace.task[i]!] ?? -1;
      c.label[row] = labelIds.get(trace.labels[trace.label[i]!]!) ?? -1;
      c.endedBy[row] = trace.endedBy[i]!;
    }
    this.count = need;
    Atomics.store(c.header, 0, need);
  }

  private grow(need: number): void {
    let capacity = this.columns.start.length * 2;
    while (capacity < need) capacity *= 2;
    const old = this.columns;
    this.buffer = new SharedArrayBuffer(HEADER_BYTES + BYTES_PER_STEP * capacity);
    this.columns = columnsOf(this.buffer);
    const n = this.count;
    this.columns.start.set(old.start.subarray(0, n));
    this.columns.end.set(old.end.subarray(0, n));
    this.columns.task.set(old.task.subarray(0, n));
    this.columns.label.set(old.label.subarray(0, n));
    this.columns.endedBy.set(old.endedBy.subarray(0, n));
    Atomics.store(this.columns.header, 0, n);
    this.unsent = true;
  }
}

/** Lab side: the steps of a buffer as a `StepTrace`, with the run's task names and label table. */
export function readSharedSteps(buffer: SharedArrayBuffer, tasks: string[], labels: string[]): StepTrace {
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
