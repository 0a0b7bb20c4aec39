import { describe, expect, it } from 'vitest';
import {
  comparisonBacking,
  mannWhitneyOver,
  medianOverReference,
  pairedComparison,
  ratioWithVerdict,
  unpairedComparison,
  wilcoxonOver,
} from '../src/experiment/ratio-with-verdict.ts';

// Every ratio a note states comes with what backs it: the test that compared two measured series
// (with its p, or why there is none), or the interval of one median against a computed reference.

describe('the tests named in words', () => {
  it('says how many paired rounds or unpaired samples each test ran over', () => {
    expect(wilcoxonOver(7)).toBe('Wilcoxon signed-rank over 7 paired rounds');
    expect(wilcoxonOver(1)).toBe('Wilcoxon signed-rank over 1 paired round');
    expect(wilcoxonOver(0)).toBe('Wilcoxon signed-rank over 0 paired rounds');
    expect(mannWhitneyOver(40, 38, 'round trips')).toBe('Mann-Whitney U over 40 and 38 round trips');
  });
});

describe('ratioWithVerdict', () => {
  const test = 'Mann-Whitney U over 40 and 40 round trips';
  it('a significant difference: the ratio, p and the test', () => {
    expect(ratioWithVerdict(1.26, { state: 'faster', n: 40, p: 0.0004 }, test)).toBe('1.26x, p < 0.001, Mann-Whitney U over 40 and 40 round trips');
    expect(ratioWithVerdict(0.8, { state: 'slower', n: 40, p: 0.02 }, test)).toBe('0.80x, p = 0.020, Mann-Whitney U over 40 and 40 round trips');
  });

  it('no measurable difference, too few repeats, or no samples at all: each said as such', () => {
    expect(ratioWithVerdict(0.98, { state: 'same', n: 7, p: 0.578 }, 'Wilcoxon signed-rank over 7 paired rounds')).toBe(
      '0.98x: no measurable difference, p = 0.578, Wilcoxon signed-rank over 7 paired rounds',
    );
    expect(ratioWithVerdict(1.91, { state: 'too-few', n: 3 }, test)).toBe('1.91x, too few repeats for a verdict (n = 3)');
    expect(ratioWithVerdict(1.91, undefined, test)).toBe('1.91x, untested: no samples were kept');
  });
});

describe('pairedComparison', () => {
  it('pairs by index over the rounds both ran: the ratio of medians, the per-round interval and the test', () => {
    const c = pairedComparison([10, 20, 30], [5, 10, 15, 99]);
    expect(c).toEqual({ ratio: 2, low: 2, high: 2, verdict: { state: 'too-few', n: 3 }, test: 'Wilcoxon signed-rank over 3 paired rounds' });
    // Either side may have run the extra round.
    expect(pairedComparison([10, 20, 30, 99], [5, 10, 15])).toEqual(c);
  });

  it('gives an interval from two rounds on, none below', () => {
    const two = pairedComparison([10, 30], [5, 10]);
    expect([two.ratio, two.low, two.high]).toEqual([20 / 7.5, 2, 3]);
    const one = pairedComparison([10], [4]);
    expect(one.ratio).toBe(2.5);
    expect(one.low).toBeNaN();
    expect(one.high).toBeNaN();
    expect(one.test).toBe('Wilcoxon signed-rank over 1 paired round');
  });

  it('gives the paired verdict once there are rounds enough', () => {
    const b = [100, 101, 102, 103, 104, 105, 106];
    const c = pairedComparison(b.map((x) => x / 2), b);
    expect(c.verdict).toEqual({ state: 'faster', n: 7, p: 0.015625 });
    expect(c.ratio).toBe(0.5);
  });
});

describe('unpairedComparison', () => {
  it('the ratio of medians, no interval, and the Mann-Whitney verdict over both sets', () => {
    const c = unpairedComparison([1, 2, 3, 4, 5, 6, 7, 8], [10, 11, 12, 13, 14, 15, 16, 17, 18], 'round trips');
    expect(c.ratio).toBe(4.5 / 14);
    expect(c.low).toBeNaN();
    expect(c.high).toBeNaN();
    expect(c.verdict.state).toBe('faster');
    expect(c.test).toBe('Mann-Whitney U over 8 and 9 round trips');
  });
});

describe('comparisonBacking: what follows a ratio in brackets', () => {
  const test = 'Wilcoxon signed-rank over 9 paired rounds';
  it('the interval, then p and the test', () => {
    expect(comparisonBacking({ ratio: 1.1, low: 1.06, high: 1.14, verdict: { state: 'faster', n: 9, p: 0.016 }, test })).toBe(
      '[1.06-1.14], p = 0.016, Wilcoxon signed-rank over 9 paired rounds',
    );
  });

  it('no measurable difference keeps its words; without an interval the verdict alone', () => {
    expect(comparisonBacking({ ratio: 1.01, low: 0.97, high: 1.05, verdict: { state: 'same', n: 9, p: 0.4 }, test })).toBe(
      '[0.97-1.05], no measurable difference, p = 0.400, Wilcoxon signed-rank over 9 paired rounds',
    );
    expect(comparisonBacking({ ratio: 1.01, low: Number.NaN, high: Number.NaN, verdict: { state: 'same', n: 9, p: 0.4 }, test })).toBe(
      'no measurable difference, p = 0.400, Wilcoxon signed-rank over 9 paired rounds',
    );
    expect(comparisonBacking({ ratio: 12.5, low: Number.NaN, high: Number.NaN, verdict: { state: 'too-few', n: 3 }, test })).toBe('too few repeats for a verdict (n = 3)');
  });

  it('an interval with one end unknown is no interval', () => {
    expect(comparisonBacking({ ratio: 2, low: 1.5, high: Number.NaN, verdict: { state: 'slower', n: 9, p: 0.0001 }, test })).toBe('p < 0.001, Wilcoxon signed-rank over 9 paired rounds');
    expect(comparisonBacking({ ratio: 2, low: Number.NaN, high: 2.5, verdict: { state: 'slower', n: 9, p: 0.0001 }, test })).toBe('p < 0.001, Wilcoxon signed-rank over 9 paired rounds');
  });
});

describe('medianOverReference: one median against a computed reference', () => {
  it('the ratio and the median interval over the same reference, at 95% or more without saying so', () => {
    // Nine repeats: the interval is the 2nd to the 8th order statistic (coverage 96.1%).
    const samples = [95, 96, 97, 99, 101, 102, 104, 106, 110];
    expect(medianOverReference(samples, 101, 100)).toBe('1.01x [0.96-1.06]');
  });

  it('says the coverage and the repeats when they are too few for 95%', () => {
    expect(medianOverReference([97, 99, 101, 102, 104], 101, 100)).toBe('1.01x [0.97-1.04] (94% interval of 5 repeats)');
    expect(medianOverReference([90, 120], 105, 50)).toBe('2.10x [1.80-2.40] (50% interval of 2 repeats)');
  });

  it('has no interval without two repeats, and says why', () => {
    expect(medianOverReference(undefined, 101, 100)).toBe('1.01x (no repeats kept: no interval, too few repeats for a verdict)');
    expect(medianOverReference([101], 101, 100)).toBe('1.01x (one repeat: no interval, too few repeats for a verdict)');
  });
});
