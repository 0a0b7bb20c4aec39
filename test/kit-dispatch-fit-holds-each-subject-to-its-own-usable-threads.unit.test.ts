import { describe, expect, it } from 'vitest';
import { fitTogether, type DispatchSize, type FitSubject } from '../src/experiment/dispatch-fit.ts';
import { estimateCosts } from '../src/experiment/dispatch-intervals.ts';
import { row } from './helpers/granularity-figures.ts';

// A way that hands work to one thread (one task in flight, or a ring that keeps a core for the main
// thread) is held to sequential time, not to the split over every core: each subject its own usable
// threads. Sequential 100 ms over 100 tasks at every size; `two` is 50 ms ideal + 0.02 ms a task on
// 2 threads, `one` is 100 ms + 0.005 ms a task on 1 thread.
type Key = 'two' | 'one';
const sizes: DispatchSize[] = [4, 16, 64].map((unitsPerTask) => ({
  unitsPerTask,
  tasks: 100,
  rows: [row('sequential', 1, 100, 100), row('parallel', 2, 52, 100), row('piscina', 1, 100.5, 100)],
}));
const subjects: Record<Key, FitSubject> = {
  two: { mode: 'parallel', rowAt: (z) => z.rows[1]! },
  one: { mode: 'one-thread way', rowAt: (z) => z.rows[2]! },
};

describe('fits with usable threads per subject', () => {
  it('fits each subject against the ideal of its own thread count', () => {
    const { fits } = fitTogether(sizes, subjects, { two: 2, one: 1 });
    expect(fits.two.dispatchUs).toBeCloseTo(20, 6);
    expect(fits.one.dispatchUs).toBeCloseTo(5, 6);
    expect(fits.one.mode).toBe('one-thread way');
  });

  it('gives the same costs and intervals in estimateCosts, where one count for all would misjudge the one-thread way', () => {
    const series = { two: (z: DispatchSize) => z.rows[1]!, one: (z: DispatchSize) => z.rows[2]! };
    const own = estimateCosts(sizes, series, { two: 2, one: 1 }, (c) => ({ two: c.two ?? Number.NaN, one: c.one ?? Number.NaN }), { resamples: 50 });
    expect(own.two.value).toBeCloseTo(20, 6);
    expect(own.one.value).toBeCloseTo(5, 6);
    expect(own.one.low).toBeLessThanOrEqual(own.one.value);
    const shared = estimateCosts(sizes, series, 2, (c) => ({ one: c.one ?? Number.NaN }), { resamples: 50 });
    // Held to 50 ms, the one-thread way would seem to pay 505 µs a task.
    expect(shared.one.value).toBeCloseTo(505, 6);
  });
});
