import type { StepEvent } from '../runtime/run-result.ts';
import type { WaitInterval } from './waits.ts';

/** What one lane did in one time bucket: the task that ran longest there, else whether anyone waited. */
export type BucketContent = { readonly kind: 'ran'; readonly task: string } | { readonly kind: 'waiting' } | { readonly kind: 'idle' };

/**
 * Cuts [0, spanMs) into `columns` equal buckets and says, per lane and bucket, which task ran
 * longest there. A step of zero length still counts as having run in its bucket, so that no step
 * vanishes from the picture; ties go to the task that ran there first.
 */
export function laneBuckets(trace: readonly StepEvent[], waits: readonly WaitInterval[], laneCount: number, spanMs: number, columns: number): BucketContent[][] {
  const ranFor = Array.from({ length: laneCount }, () => Array.from({ length: columns }, () => new Map<string, number>()));
  const waited = Array.from({ length: laneCount }, () => new Array<boolean>(columns).fill(false));
  if (spanMs > 0 && Number.isFinite(spanMs)) {
    for (const e of trace) {
      const lane = ranFor[e.lane];
      if (lane === undefined) continue;
      forEachOverlap(e.start, e.end, spanMs, columns, (column, overlap) => {
        const times = lane[column]!;
        times.set(e.task, (times.get(e.task) ?? 0) + overlap);
      });
    }
    for (const w of waits) {
      const lane = waited[w.lane];
      if (lane !== undefined && w.end > w.start) forEachOverlap(w.start, w.end, spanMs, columns, (column) => (lane[column] = true));
    }
  }
  return ranFor.map((lane, l) =>
    lane.map((times, column): BucketContent => {
      let best: string | undefined;
      let bestTime = -1;
      for (const [task, time] of times) if (time > bestTime) [best, bestTime] = [task, time];
      if (best !== undefined) return { kind: 'ran', task: best };
      return waited[l]![column] ? { kind: 'waiting' } : { kind: 'idle' };
    }),
  );
}

/** Calls `visit` for each bucket that [start, end) touches, with the time it spends there. */
function forEachOverlap(start: number, end: number, spanMs: number, columns: number, visit: (column: number, overlap: number) => void): void {
  const width = spanMs / columns;
  const s = Math.min(Math.max(start, 0), spanMs);
  const e = Math.min(Math.max(end, s), spanMs);
  const first = Math.min(columns - 1, Math.floor(s / width));
  const last = e > s ? Math.min(columns - 1, Math.ceil(e / width) - 1) : first;
  for (let column = first; column <= last; column++) {
    const overlap = Math.min(e, (column + 1) * width) - Math.max(s, column * width);
    visit(column, Math.max(0, overlap));
  }
}
