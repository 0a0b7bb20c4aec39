import type { RunResult } from '../runtime/run-result.ts';

/**
 * The run's task names in a stable order: the workload's order (`run.tasks`), then any task
 * seen only in the trace, in order of first appearance. Every picture numbers, colours and
 * lists tasks in this order, so that task i looks the same in every mode of one workload.
 */
export function taskNamesOf(run: Pick<RunResult, 'tasks' | 'trace'>): string[] {
  const names = new Set(run.tasks.map((t) => t.name));
  for (const e of run.trace) names.add(e.task);
  return [...names];
}

/** The lane names, with a made-up name for any lane the trace uses beyond `run.lanes`. */
export function laneNamesOf(run: Pick<RunResult, 'lanes' | 'trace'>): string[] {
  let count = run.lanes.length;
  for (const e of run.trace) count = Math.max(count, e.lane + 1);
  return Array.from({ length: count }, (_, i) => run.lanes[i] ?? `lane ${i}`);
}

/** How long the picture of a run must be: its wall time, or longer if a step ends later. */
export function runSpanMs(run: Pick<RunResult, 'wallMs' | 'trace'>): number {
  let span = Number.isFinite(run.wallMs) ? Math.max(0, run.wallMs) : 0;
  for (const e of run.trace) if (Number.isFinite(e.end)) span = Math.max(span, e.end);
  return span;
}
