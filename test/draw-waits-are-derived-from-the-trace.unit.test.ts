import { describe, expect, it } from 'vitest';
import type { StepEvent } from '../src/modes/index.ts';
import { waitIntervals } from '../src/draw/index.ts';

const event = (task: string, start: number, end: number, endedBy: StepEvent['endedBy'], lane = 0): StepEvent => ({ task, part: `${task}@${start}`, lane, start, end, endedBy });

describe('wait intervals', () => {
  it('start where a step sleeps, waits or joins, and end where the same task next runs', () => {
    const trace = [
      event('a', 0, 1, 'sleep'),
      event('b', 1, 2, 'wait'),
      event('c', 2, 3, 'join'),
      event('c', 3, 4, 'yield'),
      event('b', 5, 6, 'done'),
      event('a', 7, 8, 'done'),
    ];
    expect(waitIntervals(trace)).toEqual([
      { task: 'a', part: 'a@0', lane: 0, start: 1, end: 7, kind: 'sleep' },
      { task: 'b', part: 'b@1', lane: 0, start: 2, end: 5, kind: 'wait' },
      { task: 'c', part: 'c@2', lane: 0, start: 3, end: 3, kind: 'join' },
    ]);
  });

  it('ignores steps that end by yielding or finishing: the task was ready, not parked', () => {
    expect(waitIntervals([event('a', 0, 1, 'yield'), event('a', 1, 2, 'yield'), event('a', 2, 3, 'done')])).toEqual([]);
  });

  it('pairs each step with its own task even when the trace is not in time order (parallel lanes)', () => {
    const trace = [event('a', 5, 6, 'done', 1), event('b', 0, 1, 'sleep', 0), event('a', 0, 2, 'sleep', 1), event('b', 3, 4, 'done', 0)];
    expect(waitIntervals(trace).map((w) => [w.task, w.lane, w.start, w.end])).toEqual([
      ['b', 0, 1, 3],
      ['a', 1, 2, 5],
    ]);
  });

  it('lets a wait that nothing ends last until the given time, or the end of the trace', () => {
    const trace = [event('a', 0, 1, 'sleep'), event('b', 1, 4, 'done')];
    expect(waitIntervals(trace).map((w) => w.end)).toEqual([4]);
    expect(waitIntervals(trace, 10).map((w) => w.end)).toEqual([10]);
  });
});
