import { describe, expect, it } from 'vitest';
import { crossoverByVerdict, type SizeVerdict } from '../../src/measure/crossover.ts';
import { fitOverheadPerTask, overheadPerTask } from '../../src/measure/dispatch-overhead.ts';
import type { Verdict } from '../../src/measure/verdict.ts';

const faster = (p = 0.004): Verdict => ({ state: 'faster', n: 9, p });
const slower = (p = 0.004): Verdict => ({ state: 'slower', n: 9, p });
const same = (p = 0.31): Verdict => ({ state: 'same', n: 9, p });
const tooFew: Verdict = { state: 'too-few', n: 3 };
const at = (...pairs: [size: number, verdict: Verdict][]): SizeVerdict[] => pairs.map(([size, verdict]) => ({ size, verdict }));

describe('crossover by verdict', () => {
  it('places the crossover at the smallest size from which every larger size is measurably faster, with the last size that is not', () => {
    expect(crossoverByVerdict(at([256, faster(0.002)], [16, slower()], [4, slower()], [64, faster()]))).toEqual({
      state: 'crossed',
      size: 64,
      below: 16,
      above: 64,
      belowVerdict: slower(),
      aboveVerdict: faster(),
      earlierWins: [],
    });
  });

  it('does not place it at a size whose test found no measurable difference, however its point speedup looked', () => {
    // The README's case: 0.973x at 117 µs, saved verdict "same" (p = 0.31); measurably faster only from the next size.
    const c = crossoverByVerdict(at([4, slower()], [16, same()], [64, faster()], [256, faster()]));
    expect(c).toMatchObject({ state: 'crossed', size: 64, below: 16, above: 64, belowVerdict: same() });
    expect(crossoverByVerdict(at([4, slower()], [16, faster()], [64, tooFew], [256, faster()]))).toMatchObject({ state: 'crossed', size: 256, below: 64, belowVerdict: tooFew });
  });

  it('lists sizes measurably faster below one that was not as earlier wins, without moving the crossover down', () => {
    const c = crossoverByVerdict(at([4, slower()], [16, faster()], [64, same()], [256, faster()], [1024, faster()]));
    expect(c).toMatchObject({ state: 'crossed', size: 256, below: 64, above: 256, earlierWins: [16] });
  });

  it('says when it was measurably faster at every size, or not measurably faster at the largest, with that verdict', () => {
    expect(crossoverByVerdict(at([16, faster(0.01)], [4, faster(0.03)]))).toEqual({ state: 'always-faster', smallest: 4, smallestVerdict: faster(0.03) });
    expect(crossoverByVerdict(at([4, faster()], [16, slower(0.02)]))).toEqual({ state: 'never-faster', largest: 16, largestVerdict: slower(0.02) });
    expect(crossoverByVerdict(at([4, slower()], [16, same()]))).toEqual({ state: 'never-faster', largest: 16, largestVerdict: same() });
    expect(crossoverByVerdict(at([4, faster()], [16, tooFew]))).toEqual({ state: 'never-faster', largest: 16, largestVerdict: tooFew });
    expect(crossoverByVerdict(at([4, same()]))).toEqual({ state: 'never-faster', largest: 4, largestVerdict: same() });
  });

  it('refuses no points, and sizes that are not positive', () => {
    expect(() => crossoverByVerdict([])).toThrow('crossover of no points');
    expect(() => crossoverByVerdict(at([0, faster()]))).toThrow('sizes must be positive, got 0');
    expect(() => crossoverByVerdict(at([4, faster()], [Number.NaN, faster()]))).toThrow(RangeError);
  });
});

describe('dispatch overhead', () => {
  it('spreads the time beyond the ideal over the tasks', () => {
    expect(overheadPerTask(30, 20, 100)).toBeCloseTo(0.1, 12);
    expect(overheadPerTask(19, 20, 10)).toBeCloseTo(-0.1, 12);
    expect(() => overheadPerTask(1, 1, 0)).toThrow(RangeError);
  });

  it('fits one per-task cost through the origin, weighting runs with many tasks, computed by hand', () => {
    // sum(n d) = 100*10 + 10*2 = 1020; sum(n n) = 10000 + 100 = 10100
    expect(fitOverheadPerTask([{ tasks: 100, extraMs: 10 }, { tasks: 10, extraMs: 2 }])).toBeCloseTo(1020 / 10100, 12);
    expect(fitOverheadPerTask([{ tasks: 50, extraMs: 5 }])).toBeCloseTo(0.1, 12);
  });
});
