import type { RecordedSteps } from '../scheduler/index.ts';
import type { StepEvent } from '../runtime/run-result.ts';
import { stepEvents } from './step-events.ts';

/** What a worker sent back that places it on a lane: its thread and its step trace. */
export interface LaneReply {
  readonly threadId: number;
  readonly trace: RecordedSteps;
}

/** Workers get lanes 0, 1, ... in the order they first started a task. */
export function lanesByFirstStart(replies: readonly LaneReply[]): Map<number, number> {
  const firstStart = new Map<number, number>();
  for (const reply of replies) {
    const start = reply.trace.count > 0 ? reply.trace.start[0]! : Number.POSITIVE_INFINITY;
    firstStart.set(reply.threadId, Math.min(firstStart.get(reply.threadId) ?? start, start));
  }
  return new Map([...firstStart].sort((a, b) => a[1] - b[1]).map(([threadId], lane) => [threadId, lane]));
}

/** Lane names for a worker run: "worker 1", "worker 2", ... */
export function workerLaneNames(lanes: ReadonlyMap<number, number>): string[] {
  return [...lanes.keys()].map((_, i) => `worker ${i + 1}`);
}

/** Every worker's steps on one timeline: events on their worker's lane, sorted by start, with the lane names. */
export function mergeWorkerTraces(replies: readonly LaneReply[], originMs: number): { trace: StepEvent[]; lanes: string[] } {
  const laneOf = lanesByFirstStart(replies);
  const trace = replies.flatMap((reply) => stepEvents(reply.trace, laneOf.get(reply.threadId)!, originMs)).sort((a, b) => a.start - b.start);
  return { trace, lanes: workerLaneNames(laneOf) };
}
