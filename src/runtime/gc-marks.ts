import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { toSharedMs } from '../scheduler/index.ts';

/** One garbage-collection pause on a lane, in ms from the start of its run. */
export interface GcMark {
  readonly lane: number;
  readonly start: number;
  readonly end: number;
}

let observer: PerformanceObserver | undefined;
/** Pauses seen on this thread and not yet taken: start, end, start, end, ... on the shared clock. */
let seen: number[] = [];

function keep(entries: readonly PerformanceEntry[]): void {
  for (const e of entries) seen.push(toSharedMs(e.startTime), toSharedMs(e.startTime + e.duration));
}

/** Starts recording this thread's garbage-collection pauses (once per thread; later calls do nothing). */
export function watchGc(): void {
  if (observer !== undefined) return;
  observer = new PerformanceObserver((list) => keep(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
}

/**
 * This thread's pauses since the last take, as start/end pairs on the shared clock, flat. Entries
 * the observer has not delivered yet are taken too, so a pause just before the call is included.
 */
export function takeGc(): number[] {
  if (observer !== undefined) keep(observer.takeRecords());
  const taken = seen;
  seen = [];
  return taken;
}

/** The pauses of flat `pairs` that overlap [fromMs, toMs], on `lane`, relative to `originMs`. */
export function gcMarks(pairs: readonly number[], lane: number, fromMs: number, toMs: number, originMs: number): GcMark[] {
  const marks: GcMark[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const start = pairs[i]!;
    const end = pairs[i + 1]!;
    if (end >= fromMs && start <= toMs) marks.push({ lane, start: start - originMs, end: end - originMs });
  }
  return marks;
}

/** Share of a run's wall time spent in garbage collection, summed over its threads (so up to the thread count). */
export function gcShareOf(marks: readonly GcMark[], wallMs: number): number {
  if (!(wallMs > 0)) return 0;
  return marks.reduce((sum, m) => sum + (m.end - m.start), 0) / wallMs;
}
