import type { GcMark } from '../runtime/gc-marks.ts';
import type { StepEvent } from '../runtime/run-result.ts';
import { isWaitingEnd } from './waits.ts';

/** Per lane and time column: how busy the thread was, how many tasks waited on it, how much GC ran. */
export interface LaneDensity {
  /** Share of each column's time the lane spent in steps, 0 to 1. */
  readonly busy: Float64Array;
  /** Mean number of tasks parked on the lane during each column. */
  readonly waiting: Float64Array;
  /** Milliseconds of garbage collection in each column. */
  readonly gcMs: Float64Array;
  /** Waits that started on this lane (a task parked, then resumed or the run ended). */
  waits: number;
}

/**
 * Cuts [0, spanMs) into `columns` equal columns and sums, per lane, the time in steps, the time
 * tasks spent parked and the GC time in each. One pass over the trace in start order, keeping only
 * the tasks parked at the moment: a million-step trace needs no per-task lists.
 */
export function laneDensity(trace: readonly StepEvent[], gc: readonly GcMark[], laneCount: number, spanMs: number, columns: number): LaneDensity[] {
  const lanes: LaneDensity[] = Array.from({ length: laneCount }, () => ({ busy: new Float64Array(columns), waiting: new Float64Array(columns), gcMs: new Float64Array(columns), waits: 0 }));
  if (!(spanMs > 0) || !Number.isFinite(spanMs)) return lanes;
  const width = spanMs / columns;
  const order = Array.from(trace.keys());
  // One-thread traces come in start order already; only pooled ones, lanes interleaved, need sorting.
  if (trace.some((e, i) => i > 0 && e.start < trace[i - 1]!.start)) order.sort((a, b) => trace[a]!.start - trace[b]!.start);
  const parkedSince = new Map<string, { readonly start: number; readonly lane: number }>();
  for (const i of order) {
    const e = trace[i]!;
    const lane = lanes[e.lane];
    if (lane === undefined) continue;
    const parked = parkedSince.get(e.task);
    if (parked !== undefined) addSpan(lanes[parked.lane]!.waiting, parked.start, e.start, width, columns, 1 / width);
    addSpan(lane.busy, e.start, e.end, width, columns, 1 / width);
    if (isWaitingEnd(e.endedBy)) {
      parkedSince.set(e.task, { start: e.end, lane: e.lane });
      lane.waits++;
    } else parkedSince.delete(e.task);
  }
  for (const parked of parkedSince.values()) addSpan(lanes[parked.lane]!.waiting, parked.start, spanMs, width, columns, 1 / width);
  for (const m of gc) {
    const lane = lanes[m.lane];
    if (lane !== undefined) addSpan(lane.gcMs, m.start, m.end, width, columns, 1);
  }
  for (const lane of lanes) for (let c = 0; c < columns; c++) lane.busy[c] = Math.min(1, lane.busy[c]!);
  return lanes;
}

/** Adds `scale` times the overlap of [start, end) with each column to that column. */
function addSpan(into: Float64Array, start: number, end: number, width: number, columns: number, scale: number): void {
  const span = width * columns;
  const s = Math.min(Math.max(start, 0), span);
  const e = Math.min(Math.max(end, s), span);
  if (e <= s) return;
  const first = Math.min(columns - 1, Math.floor(s / width));
  const last = Math.min(columns - 1, Math.ceil(e / width) - 1);
  for (let c = first; c <= last; c++) into[c] = into[c]! + (Math.min(e, (c + 1) * width) - Math.max(s, c * width)) * scale;
}
