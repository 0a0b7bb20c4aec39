import { describe, expect, it } from 'vitest';
import { bootstrapOverRounds, estimateCosts, type RoundsAtSize } from '../src/experiment/dispatch-intervals.ts';
import { samplesOf } from '../src/measure/samples.ts';
import { size, sweep } from './helpers/granularity-figures.ts';

// bootstrapOverRounds draws round indices over the rounds every series ran, in ascending round order,
// so the order the samples were listed in cannot change what a seed draws; and it needs a common round
// at every size. Twelve rounds, so that a sort as text (10 before 2) would differ from a numeric one.

type S = 'parallel';
const subjects: readonly S[] = ['parallel'];
const factors = [1.03, 0.97, 1.1, 0.95, 1.01, 1.2, 0.9, 1.05, 0.99, 1.15, 0.93, 1.07];
const noise = [1.02, 0.99, 1.04, 1, 0.97, 1.03, 0.98, 1.01, 1.05, 0.96, 1, 1.02];

function at(tasks: number): RoundsAtSize<S> {
  return {
    tasks,
    idealShare: 0.5,
    sequential: samplesOf(factors.map((f) => 100 * f)),
    subjects: { parallel: samplesOf(factors.map((f, r) => (50 + 0.1 * tasks) * f * noise[r]!)) },
  };
}

const sizes = [at(1000), at(250), at(64)];
const derive = (c: Readonly<Record<S, number>>) => ({ parallel: c.parallel });

describe('bootstrapOverRounds: rounds aligned by their number', () => {
  it('gives the same intervals whatever order every series lists its rounds in', () => {
    const reversed = sizes.map((z) => ({ ...z, sequential: [...z.sequential].reverse(), subjects: { parallel: [...z.subjects.parallel].reverse() } }));
    const rotated = sizes.map((z) => ({ ...z, sequential: [...z.sequential.slice(5), ...z.sequential.slice(0, 5)] }));
    const expected = bootstrapOverRounds(sizes, subjects, derive, { resamples: 100, seed: 7 });
    expect(bootstrapOverRounds(reversed, subjects, derive, { resamples: 100, seed: 7 })).toEqual(expected);
    expect(bootstrapOverRounds(rotated, subjects, derive, { resamples: 100, seed: 7 })).toEqual(expected);
    expect(expected!.parallel.low).toBeLessThan(expected!.parallel.high);
  });

  it('one resample gives an interval of one fit: both ends equal', () => {
    const one = bootstrapOverRounds(sizes, subjects, derive, { resamples: 1, seed: 3 })!;
    expect(one.parallel.low).toBe(one.parallel.high);
    expect(Number.isFinite(one.parallel.low)).toBe(true);
  });

  it('gives no interval when any one size has no round that every series ran', () => {
    const disjoint = { ...sizes[1]!, subjects: { parallel: sizes[1]!.subjects.parallel.map((s) => ({ ...s, round: s.round + 100 })) } };
    expect(bootstrapOverRounds([sizes[0]!, disjoint, sizes[2]!], subjects, derive)).toBeUndefined();
  });
});

describe('estimateCosts', () => {
  const series = { parallel: (z: (typeof sweep)[number]) => z.rows.find((r) => r.mode === 'parallel')! };
  it('fits every series over the sizes, with an interval when every size kept its rounds', () => {
    const estimates = estimateCosts(sweep, series, 2, (c) => ({ parallel: c.parallel! }), { resamples: 50 });
    expect(estimates.parallel.value).toBeCloseTo(100, 9);
    expect(Number.isFinite(estimates.parallel.low) && Number.isFinite(estimates.parallel.high)).toBe(true);
  });

  it('keeps the point and gives no interval when sequential lacks its rounds at some size', () => {
    const bare = sweep.map((z, i) => (i === 1 ? { ...z, rows: z.rows.map((r) => (r.mode === 'sequential' ? { ...r, samples: undefined } : r)) } : z));
    const estimates = estimateCosts(bare, series, 2, (c) => ({ parallel: c.parallel! }), { resamples: 50 });
    expect(estimates.parallel.value).toBeCloseTo(100, 9);
    expect(estimates.parallel.low).toBeNaN();
    expect(estimates.parallel.high).toBeNaN();
  });

  it('fits nothing over no sizes', () => {
    const estimates = estimateCosts([] as (typeof sweep)[number][], series, 2, (c) => ({ parallel: c.parallel! }));
    expect(estimates.parallel.value).toBeNaN();
    expect(estimates.parallel.low).toBeNaN();
  });

  it('uses the ideal split of each size on the usable threads', () => {
    // On one usable thread the ideal is sequential itself: parallel's 50 ms + 0.1 ms a task is below it, a negative cost.
    const one = estimateCosts([size(4, 1000), size(16, 250)], series, 1, (c) => ({ parallel: c.parallel! }), { resamples: 10 });
    // Extra time: 150 - 100 = 50 ms over 1000 tasks, 75 - 100 = -25 ms over 250: (1000 * 50 - 250 * 25) / (1000² + 250²) ms.
    expect(one.parallel.value).toBeCloseTo(((1000 * 50 - 250 * 25) / (1000 ** 2 + 250 ** 2)) * 1000, 9);
  });
});
