import type { StepEvent } from '../../src/runtime/run-result.ts';

/** A task's timer wait, read off a trace: from the step that went to sleep to that task's next step. */
export interface TraceWait {
  readonly task: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Every timer wait in `trace` that the task came back from. What a test can prove on a busy machine
 * is how waits overlapped, in the order of events; how much that saved is the experiment's own figure.
 */
export function timerWaits(trace: readonly StepEvent[]): TraceWait[] {
  const steps = [...trace].sort((a, b) => a.start - b.start);
  return steps.flatMap((step, i) => {
    if (step.endedBy !== 'sleep' && step.endedBy !== 'wait') return [];
    const resumed = steps.slice(i + 1).find((e) => e.task === step.task);
    return resumed === undefined ? [] : [{ task: step.task, start: step.end, end: resumed.start }];
  });
}

/** The most waits of different tasks under way at one moment. */
export function mostWaitsAtOnce(waits: readonly TraceWait[]): number {
  return Math.max(0, ...waits.map((w) => new Set(waits.filter((o) => o.start <= w.start && w.start < o.end).map((o) => o.task)).size));
}
