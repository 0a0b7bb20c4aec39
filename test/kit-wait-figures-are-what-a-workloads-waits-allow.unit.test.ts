import { describe, expect, it } from 'vitest';
import { waitFigures } from '../src/experiment/wait-figures.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';

// The references wait-bound rows are judged against, computed from the workload alone: the sum of
// every task's waits (one thread waiting for each in turn), the longest task's waits (one thread
// overlapping them all), and the best a pool of `threads` workers holding one task each can do.

const workload: WorkloadSpec = {
  name: 'waits',
  tasks: [
    { name: 'a', parts: [{ kind: 'wait', ms: 30 }, { kind: 'cpu', units: 5 }, { kind: 'wait', ms: 10 }] },
    { name: 'b', parts: [{ kind: 'block', ms: 25 }] },
    { name: 'c', parts: [{ kind: 'wait', ms: 40 }, { kind: 'cpu', units: 1 }] },
    { name: 'd', parts: [{ kind: 'delegate', task: 'b' }, { kind: 'wait', ms: 5 }] },
  ],
};

describe('waitFigures', () => {
  it('sums each task\'s waits (blocking waits and delegated tasks included), in task order', () => {
    const figures = waitFigures(workload, 2);
    expect(figures.waitsMs).toEqual([40, 25, 40, 30]);
    expect(figures.sumOfWaitsMs).toBe(135);
    expect(figures.threads).toBe(2);
  });

  it('names the task that waits longest; on a tie, the first of them', () => {
    const figures = waitFigures(workload, 2);
    expect(figures.longestTask).toBe('a');
    expect(figures.longestTaskWaitMs).toBe(40);
    const later: WorkloadSpec = { name: 'w', tasks: [{ name: 'x', parts: [{ kind: 'wait', ms: 5 }] }, { name: 'y', parts: [{ kind: 'wait', ms: 9 }] }] };
    expect(waitFigures(later, 1)).toMatchObject({ longestTask: 'y', longestTaskWaitMs: 9 });
  });

  it('schedules the waits on the pool in task order, each task on the worker that frees first', () => {
    // 2 workers: a (40) and b (25) start; c (40) takes b's worker at 25 (ends 65); d (30) takes a's at 40 (ends 70).
    expect(waitFigures(workload, 2).perfectPoolMs).toBe(70);
    expect(waitFigures(workload, 4).perfectPoolMs).toBe(40);
    expect(waitFigures(workload, 1).perfectPoolMs).toBe(135);
  });
});
