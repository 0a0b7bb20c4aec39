import type { StepEvent } from '../runtime/run-result.ts';

/** Step endings that park a task until something outside it happens. */
export const waitingEnds = ['sleep', 'wait', 'join'] as const;
/** Why a task parked: the step ending that started the wait. */
export type WaitKind = (typeof waitingEnds)[number];

/**
 * A stretch of time in which a task was parked: from the end of a step that slept, waited for
 * a promise or joined another task, to the start of that task's next step. It includes any time
 * the task spent ready but queued behind others, because the trace cannot tell the two apart.
 */
export interface WaitInterval {
  readonly task: string;
  /** The part the task was in when it parked (for a `wait` part, that part's own label). */
  readonly part: string;
  /** The lane whose scheduler held the parked task. */
  readonly lane: number;
  readonly start: number;
  readonly end: number;
  readonly kind: WaitKind;
}

/** True for a step ending that parks its task (one of `waitingEnds`). */
export const isWaitingEnd = (endedBy: string): endedBy is WaitKind => (waitingEnds as readonly string[]).includes(endedBy);

/**
 * Every wait in a trace, ordered by start. A wait that no later step of its task ends (a run cut
 * short) lasts until `untilMs`, by default the end of the last step in the trace.
 * The trace need not be sorted: parallel traces interleave lanes, one-thread traces are in run order.
 */
export function waitIntervals(trace: readonly StepEvent[], untilMs?: number): WaitInterval[] {
  const byTask = new Map<string, StepEvent[]>();
  let lastEnd = 0;
  for (const e of trace) {
    const steps = byTask.get(e.task);
    if (steps === undefined) byTask.set(e.task, [e]);
    else steps.push(e);
    lastEnd = Math.max(lastEnd, e.end);
  }
  const until = untilMs ?? lastEnd;
  const waits: WaitInterval[] = [];
  for (const steps of byTask.values()) {
    steps.sort((a, b) => a.start - b.start);
    steps.forEach((step, i) => {
      if (!isWaitingEnd(step.endedBy)) return;
      const resumed = steps[i + 1]?.start ?? Math.max(until, step.end);
      waits.push({ task: step.task, part: step.part, lane: step.lane, start: step.end, end: resumed, kind: step.endedBy });
    });
  }
  return waits.sort((a, b) => a.start - b.start);
}
