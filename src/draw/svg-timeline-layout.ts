import type { WaitInterval } from './waits.ts';

/** Where one lane (thread) sits in the timeline: its row of steps, then one thin row per waiting task. */
export interface LaneLayout {
  readonly lane: number;
  readonly name: string;
  readonly top: number;
  /** The row of steps: what the thread ran. */
  readonly stepsTop: number;
  readonly stepsHeight: number;
  /** Tasks that parked on this lane, in task order, each with the y of its own thin wait row. */
  readonly waitRows: readonly { readonly task: string; readonly top: number }[];
  readonly waitRowHeight: number;
  /** Whether the wait rows are tall enough to carry their task's name in the gutter. */
  readonly labelWaitRows: boolean;
  readonly bottom: number;
}

const stepsHeight = 28;
const bandGap = 4;
const laneGap = 16;
/** Beyond this many waiting tasks on one lane, the rows shrink so the band stays this tall. */
const maxBandHeight = 100;

/**
 * Stacks the lanes from `top` down. Waits get a band under their lane with one row per task,
 * because on an interleaved lane many tasks wait at once: stacked in one row their bars would
 * hide each other, while one row each shows how many waits overlap at any moment.
 */
export function layoutLanes(laneNames: readonly string[], taskNames: readonly string[], waits: readonly WaitInterval[], top: number): LaneLayout[] {
  const taskRank = new Map(taskNames.map((name, i) => [name, i]));
  const waitersByLane = laneNames.map(() => new Set<string>());
  for (const w of waits) waitersByLane[w.lane]?.add(w.task);
  let y = top;
  return laneNames.map((name, lane) => {
    const waiters = [...waitersByLane[lane]!].sort((a, b) => (taskRank.get(a) ?? 0) - (taskRank.get(b) ?? 0));
    const { rowHeight, gap } = waitRowSize(waiters.length);
    const stepsTop = y;
    const bandTop = stepsTop + stepsHeight + bandGap;
    const waitRows = waiters.map((task, i) => ({ task, top: bandTop + i * (rowHeight + gap) }));
    const bottom = waiters.length === 0 ? stepsTop + stepsHeight : bandTop + waiters.length * (rowHeight + gap) - gap;
    const layout: LaneLayout = { lane, name, top: y, stepsTop, stepsHeight, waitRows, waitRowHeight: rowHeight, labelWaitRows: rowHeight >= 9, bottom };
    y = bottom + laneGap;
    return layout;
  });
}

function waitRowSize(rows: number): { rowHeight: number; gap: number } {
  if (rows <= 8) return { rowHeight: 10, gap: 2 };
  const pitch = Math.max(2, maxBandHeight / rows);
  return pitch >= 4 ? { rowHeight: pitch - 1, gap: 1 } : { rowHeight: pitch, gap: 0 };
}
