import { stepEndNames, type RecordedSteps } from '../scheduler/index.ts';
import type { TaskRun, StepEvent } from '../runtime/run-result.ts';

/** Turns a scheduler's step trace into events on one lane, with times relative to `originMs`. */
export function stepEvents(trace: RecordedSteps, lane: number, originMs: number): StepEvent[] {
  const events: StepEvent[] = new Array(trace.count);
  for (let i = 0; i < trace.count; i++) {
    events[i] = {
      task: trace.tasks[trace.task[i]!]!,
      part: trace.labels[trace.label[i]!]!,
      lane,
      start: trace.start[i]! - originMs,
      end: trace.end[i]! - originMs,
      endedBy: stepEndNames[trace.endedBy[i]!]!,
    };
  }
  return events;
}

/** When each task first and last ran, from its trace events; tasks keep the given order. */
export function taskSpans(events: readonly StepEvent[], checksums: ReadonlyMap<string, number>): TaskRun[] {
  const spans = new Map<string, { startMs: number; endMs: number }>();
  for (const e of events) {
    const span = spans.get(e.task);
    if (span === undefined) spans.set(e.task, { startMs: e.start, endMs: e.end });
    else {
      span.startMs = Math.min(span.startMs, e.start);
      span.endMs = Math.max(span.endMs, e.end);
    }
  }
  return [...checksums].map(([name, checksum]) => ({ name, checksum, ...(spans.get(name) ?? { startMs: 0, endMs: 0 }) }));
}
