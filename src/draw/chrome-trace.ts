import type { RunResult, StepEvent } from '../runtime/run-result.ts';
import { laneNamesOf, taskNamesOf } from './task-order.ts';
import { ordinal, sampledRun, sampleOf, TRACE_EVENT_BUDGET, type TraceSample } from './trace-sample.ts';
import { isUntraced, UNTRACED } from './untraced.ts';
import { waitIntervals } from './waits.ts';

/** One event of the Trace Event Format, as Perfetto and chrome://tracing read it (times in µs). */
export type ChromeTraceEvent =
  | { readonly ph: 'M'; readonly name: 'process_name' | 'process_sort_index' | 'thread_name' | 'thread_sort_index'; readonly pid: number; readonly tid: number; readonly args: Readonly<Record<string, string | number>> }
  | { readonly ph: 'X'; readonly name: string; readonly cat: string; readonly pid: number; readonly tid: number; readonly ts: number; readonly dur: number; readonly args: { readonly task: string; readonly endedBy: string } }
  | { readonly ph: 'X'; readonly name: 'GC'; readonly cat: 'gc'; readonly pid: number; readonly tid: number; readonly ts: number; readonly dur: number; readonly args: { readonly kind: 'garbage collection'; readonly task?: never; readonly endedBy?: never } }
  | { readonly ph: 'b' | 'e'; readonly name: string; readonly cat: string; readonly id: number; readonly pid: number; readonly tid: number; readonly ts: number; readonly args?: Readonly<Record<string, string>> };

/** A whole trace file: `JSON.stringify` it and open it in https://ui.perfetto.dev or chrome://tracing. */
export interface ChromeTrace {
  readonly traceEvents: ChromeTraceEvent[];
  readonly displayTimeUnit: 'ms';
  /** What each process (pid) of the file is: which run, mode and workload, and for a big run which sample of it the file holds. */
  readonly otherData: {
    readonly runs: readonly {
      readonly pid: number;
      readonly name: string;
      readonly mode: string;
      readonly workload: string;
      readonly threads: number;
      readonly wallMs: number;
      readonly sample?: TraceSample;
    }[];
  };
}

/** A run and the name its process gets in the trace file. */
export interface NamedRun {
  /** Shown as the process name, e.g. "interleaved" or "wait-bound / parallel". */
  readonly name: string;
  readonly run: RunResult;
}

/**
 * Runs as one Trace Event Format document. Each run is a process (pid 1, 2, ... in the given
 * order) and each of its lanes a thread (tid 1, 2, ...). Every step is a complete event (`X`)
 * named by its part, with the task as category; each task's lifetime, from its first step to its
 * last, is an async pair (`b`/`e`), and its waits are async pairs nested inside it, so a viewer
 * shows per task when it ran and when it was parked. All runs share time 0: their own start.
 */
export function chromeTrace(runs: readonly NamedRun[], eventBudget: number = TRACE_EVENT_BUDGET): ChromeTrace {
  const events: ChromeTraceEvent[] = [];
  let nextAsyncId = 1;
  const samples = runs.map(({ run }) => sampleOf(run, eventBudget / Math.max(1, runs.length)));
  runs.forEach(({ name: runName, run: whole }, r) => {
    const pid = r + 1;
    const sample = samples[r]!;
    const run = sample === undefined ? whole : sampledRun(whole, sample);
    // A run without steps has no events to show: its process says why the viewer finds it empty.
    const name = isUntraced(whole) ? `${runName} (${UNTRACED})` : sample === undefined ? runName : `${runName} (sample: every ${ordinal(sample.everyNth)} task, ${sample.tasks} of ${sample.ofTasks})`;
    events.push({ ph: 'M', name: 'process_name', pid, tid: 0, args: { name } }, { ph: 'M', name: 'process_sort_index', pid, tid: 0, args: { sort_index: pid } });
    laneNamesOf(run).forEach((lane, l) => {
      events.push({ ph: 'M', name: 'thread_name', pid, tid: l + 1, args: { name: lane } }, { ph: 'M', name: 'thread_sort_index', pid, tid: l + 1, args: { sort_index: l + 1 } });
    });
    // Appending in place, not `push(...list)`: a long trace would overflow the call stack.
    addCompleteEvents(events, run.trace, pid);
    addGcEvents(events, run, pid);
    const stepsByTask = groupBy(run.trace, (e) => e.task);
    for (const task of taskNamesOf(run)) addTaskLifetime(events, stepsByTask.get(task) ?? [], pid, nextAsyncId++);
  });
  return {
    traceEvents: events,
    displayTimeUnit: 'ms',
    otherData: {
      runs: runs.map(({ name, run }, r) => {
        const sample = samples[r];
        return { pid: r + 1, name, mode: run.mode, workload: run.workload, threads: run.threads, wallMs: run.wallMs, ...(sample !== undefined && { sample }) };
      }),
    },
  };
}

/** Milliseconds to microseconds, kept to the nanosecond (the clock's resolution), not beyond. */
const micros = (ms: number): number => Math.round(ms * 1e6) / 1e3;

/**
 * The steps of each lane as complete events that never overlap. A lane runs one step at a time,
 * but rounding can still move a start a hair before the previous end. Times are clamped in whole
 * nanoseconds (exact), and then once more in floating point, so that `ts >= previous ts + dur`
 * holds exactly as a viewer (or a test) computes it.
 */
function addCompleteEvents(out: ChromeTraceEvent[], trace: readonly StepEvent[], pid: number): void {
  for (const [lane, steps] of [...groupBy(trace, (e) => e.lane)].sort((a, b) => a[0] - b[0])) {
    let freeNs = Number.NEGATIVE_INFINITY;
    let freeUs = Number.NEGATIVE_INFINITY;
    for (const step of steps.sort((a, b) => a.start - b.start)) {
      const startNs = Math.max(Math.round(step.start * 1e6), freeNs);
      const endNs = Math.max(Math.round(step.end * 1e6), startNs);
      const ts = Math.max(startNs / 1e3, freeUs);
      const dur = (endNs - startNs) / 1e3;
      [freeNs, freeUs] = [endNs, ts + dur];
      out.push({ ph: 'X', name: step.part, cat: step.task, pid, tid: lane + 1, ts, dur, args: { task: step.task, endedBy: step.endedBy } });
    }
  }
}

/**
 * Garbage-collection pauses as their own kind of event: complete events named "GC" (category
 * "gc") on a thread of their own under each lane ("<lane> gc"), so they never overlap the steps.
 */
function addGcEvents(out: ChromeTraceEvent[], run: RunResult, pid: number): void {
  const lanes = laneNamesOf(run);
  const gcTid = (lane: number): number => lanes.length + lane + 1;
  const named = new Set<number>();
  for (const m of [...(run.gc ?? [])].sort((a, b) => a.start - b.start)) {
    if (!named.has(m.lane)) {
      named.add(m.lane);
      out.push({ ph: 'M', name: 'thread_name', pid, tid: gcTid(m.lane), args: { name: `${lanes[m.lane] ?? 'thread'} gc` } }, { ph: 'M', name: 'thread_sort_index', pid, tid: gcTid(m.lane), args: { sort_index: gcTid(m.lane) } });
    }
    out.push({ ph: 'X', name: 'GC', cat: 'gc', pid, tid: gcTid(m.lane), ts: micros(m.start), dur: micros(m.end - m.start), args: { kind: 'garbage collection' } });
  }
}

/**
 * A task's lifetime as an async pair, with its waits nested inside as pairs of the same id and
 * category (viewers match `b` to `e` by category and id, innermost first). Waits lie between
 * the task's first and last step, so they nest properly.
 */
function addTaskLifetime(out: ChromeTraceEvent[], steps: readonly StepEvent[], pid: number, id: number): void {
  let first = steps[0];
  if (first === undefined) return;
  let last = first.end;
  for (const e of steps) {
    if (e.start < first.start) first = e;
    last = Math.max(last, e.end);
  }
  const task = first.task;
  const base = { cat: task, id, pid, tid: first.lane + 1 } as const;
  out.push({ ph: 'b', name: task, ...base, ts: micros(first.start) });
  for (const w of waitIntervals(steps, last)) {
    const name = `waiting (${w.kind})`;
    out.push({ ph: 'b', name, ...base, ts: micros(w.start), args: { part: w.part } }, { ph: 'e', name, ...base, ts: micros(w.end) });
  }
  out.push({ ph: 'e', name: task, ...base, ts: micros(last) });
}

function groupBy<K>(trace: readonly StepEvent[], key: (e: StepEvent) => K): Map<K, StepEvent[]> {
  const groups = new Map<K, StepEvent[]>();
  for (const e of trace) {
    const group = groups.get(key(e));
    if (group === undefined) groups.set(key(e), [e]);
    else group.push(e);
  }
  return groups;
}
