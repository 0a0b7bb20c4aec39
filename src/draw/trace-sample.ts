import type { RunResult } from '../runtime/run-result.ts';
import { taskNamesOf } from './task-order.ts';

/**
 * Events a trace file holds at most, over all its runs: at about 110 bytes an event, the file stays
 * under about 1 MB whatever the number of tasks. Beyond it a run is sampled by task.
 */
export const TRACE_EVENT_BUDGET = 8000;

/** Which part of a run a trace file holds when the whole would be too big: every n-th task, with all its steps. */
export interface TraceSample {
  readonly everyNth: number;
  readonly tasks: number;
  readonly ofTasks: number;
  readonly steps: number;
  readonly ofSteps: number;
  /** Garbage-collection pauses kept (the longest ones) and in all. */
  readonly gcMarks: number;
  readonly ofGcMarks: number;
  /** When even the sampled tasks have too many steps: only steps that start before this time (ms from the run's start) are kept. */
  readonly untilMs?: number;
  readonly note: string;
}

/** At most this many GC events per sampled run: the longest ones. */
const GC_EVENTS_KEPT = 200;

/**
 * The sample of `run` that fits in `budget` events, or undefined when the whole run fits. A task
 * costs its steps plus two events for its lifetime and two for each wait, about three times its steps.
 */
export function sampleOf(run: RunResult, budget: number): TraceSample | undefined {
  const tasks = taskNamesOf(run);
  const gc = run.gc?.length ?? 0;
  const estimate = 3 * run.trace.length + 2 * tasks.length + gc;
  if (estimate <= budget) return undefined;
  const everyNth = Math.ceil(estimate / budget);
  const kept = new Set(tasks.filter((_, i) => i % everyNth === 0));
  const starts = run.trace.filter((e) => kept.has(e.task)).map((e) => e.start);
  // A few tasks of very many steps each: keep the first steps of the run, up to the budget.
  const maxSteps = Math.max(1, Math.floor(budget / 3));
  const untilMs = starts.length > maxSteps ? starts.sort((a, b) => a - b)[maxSteps]! : undefined;
  const steps = untilMs === undefined ? starts.length : starts.filter((t) => t < untilMs).length;
  const gcMarks = Math.min(gc, GC_EVENTS_KEPT);
  const window = untilMs === undefined ? 'all of its steps and waits' : `its steps and waits in the first ${untilMs.toFixed(3)} ms of the run`;
  return {
    everyNth,
    tasks: kept.size,
    ofTasks: tasks.length,
    steps,
    ofSteps: run.trace.length,
    gcMarks,
    ofGcMarks: gc,
    ...(untilMs !== undefined && { untilMs }),
    note: `a sample: every ${ordinal(everyNth)} task in task order with ${window} (${kept.size} of ${tasks.length} tasks, ${steps} of ${run.trace.length} steps), and the ${gcMarks} longest of ${gc} garbage collections; the whole run would not fit in about 1 MB`,
  };
}

/** The run cut down to its sample: the kept tasks' steps (before `untilMs`, if set) and the longest GC pauses. */
export function sampledRun(run: RunResult, sample: TraceSample): RunResult {
  const kept = new Set(taskNamesOf(run).filter((_, i) => i % sample.everyNth === 0));
  const gc = [...(run.gc ?? [])].sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, sample.gcMarks);
  const until = sample.untilMs ?? Number.POSITIVE_INFINITY;
  return { ...run, tasks: run.tasks.filter((t) => kept.has(t.name)), trace: run.trace.filter((e) => kept.has(e.task) && e.start < until), gc };
}

/** 2nd, 3rd, 11th, 22nd: for "every 40th task". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}
