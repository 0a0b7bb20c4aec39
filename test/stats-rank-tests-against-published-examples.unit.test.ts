import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../src/measure/holm.ts';
import { MANN_WHITNEY_EXACT_MAX, mannWhitney } from '../src/measure/mann-whitney.ts';
import { kSubsetSumCounts, rememberedKSubsetSumCounts, subsetSumCounts, twoSidedP } from '../src/measure/rank-sum-distribution.ts';
import { rankWithTies, tieTerm } from '../src/measure/ranks.ts';
import { WILCOXON_EXACT_MAX, wilcoxonSignedRank } from '../src/measure/wilcoxon-signed-rank.ts';

/** Two-sided p of a statistic by brute force over every equally likely relabelling: an independent check of the counting. */
function bruteP(statistics: number[], observed: number): number {
  const below = statistics.filter((s) => s <= observed + 1e-9).length;
  const above = statistics.filter((s) => s >= observed - 1e-9).length;
  return Math.min(1, (2 * Math.min(below, above)) / statistics.length);
}

function signFlipStatistics(ranks: number[]): number[] {
  return Array.from({ length: 2 ** ranks.length }, (_, mask) => ranks.reduce((sum, r, i) => (mask & (1 << i) ? sum + r : sum), 0));
}

function splitStatistics(ranks: number[], k: number): number[] {
  const out: number[] = [];
  for (let mask = 0; mask < 2 ** ranks.length; mask++) {
    const chosen = ranks.filter((_, i) => mask & (1 << i));
    if (chosen.length === k) out.push(chosen.reduce((a, b) => a + b, 0));
  }
  return out;
}

describe('ranks with ties', () => {
  it('gives tied values the mean of their ranks and reports the tie sizes', () => {
    expect(rankWithTies([30, 20, 10, 20])).toEqual({ ranks: [4, 2.5, 1, 2.5], ties: [2] });
    expect(rankWithTies([5, 5, 5, 1, 9, 9])).toEqual({ ranks: [3, 3, 3, 1, 5.5, 5.5], ties: [3, 2] });
    expect(rankWithTies([])).toEqual({ ranks: [], ties: [] });
    expect(tieTerm([2, 3])).toBe(6 + 24);
    expect(tieTerm([])).toBe(0);
  });
});

describe('exact null distributions by counting', () => {
  it('counts subset sums (signed-rank) and k-subset sums (rank-sum)', () => {
    expect(subsetSumCounts([2, 4, 6])).toEqual([1, 0, 1, 0, 1, 0, 2, 0, 1, 0, 1, 0, 1]);
    expect(kSubsetSumCounts([2, 4, 6], 2)).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0]);
    expect(kSubsetSumCounts([2, 4, 6], 0)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('two-sided p is twice the smaller tail, at most 1', () => {
    const counts = subsetSumCounts([2, 4, 6]); // 8 outcomes
    expect(twoSidedP(counts, 0)).toBe(2 / 8);
    expect(twoSidedP(counts, 12)).toBe(2 / 8);
    expect(twoSidedP(counts, 2)).toBe(4 / 8);
    expect(twoSidedP(counts, 10)).toBe(4 / 8);
    expect(twoSidedP(counts, 6)).toBe(1);
  });
});

describe('Wilcoxon signed-rank test', () => {
  it("matches R's wilcox.test(x, y, paired = TRUE) on Hollander & Wolfe's depression data: V = 40, p = 0.03906", () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    expect(wilcoxonSignedRank(x, y)).toEqual({ n: 9, wPlus: 40, wMinus: 5, p: 0.0390625, method: 'exact' });
    expect(wilcoxonSignedRank(y, x)).toEqual({ n: 9, wPlus: 5, wMinus: 40, p: 0.0390625, method: 'exact' });
  });

  it('cannot go below p = 0.25 at 3 pairs, 0.0625 at 5, and reaches 0.03125 at 6', () => {
    const up = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 2);
    const ones = (n: number): number[] => Array.from({ length: n }, () => 1);
    expect(wilcoxonSignedRank(up(3), ones(3)).p).toBe(0.25);
    expect(wilcoxonSignedRank(up(5), ones(5)).p).toBe(0.0625);
    expect(wilcoxonSignedRank(up(6), ones(6)).p).toBe(0.03125);
  });

  it('drops zero differences; all zero is p = 1', () => {
    expect(wilcoxonSignedRank([1, 2, 3, 9], [1, 2, 3, 4])).toEqual({ n: 1, wPlus: 1, wMinus: 0, p: 1, method: 'exact' });
    expect(wilcoxonSignedRank([5, 5], [5, 5])).toEqual({ n: 0, wPlus: 0, wMinus: 0, p: 1, method: 'exact' });
  });

  it('is exact under tied ranks, matching brute force over all 2^n sign flips', () => {
    const a = [3, 5, 5, 9, 2, 8, 7];
    const b = [1, 3, 7, 5, 4, 4, 3];
    const test = wilcoxonSignedRank(a, b); // differences 2, 2, -2, 4, -2, 4, 4
    expect(test.wPlus).toBe(2.5 + 2.5 + 6 + 6 + 6);
    expect(test.p).toBeCloseTo(bruteP(signFlipStatistics([2.5, 2.5, 2.5, 6, 2.5, 6, 6]), test.wPlus), 12);
    expect(test.method).toBe('exact');
  });

  it('above 50 pairs uses the normal approximation with tie and continuity corrections', () => {
    expect(WILCOXON_EXACT_MAX).toBe(50);
    const fifty = Array.from({ length: 50 }, (_, i) => i);
    expect(wilcoxonSignedRank(fifty.map((x) => x + 1), fifty).method).toBe('exact');
    // 51 differences: 48 of +1 (one tie of 48, rank 24.5) and -2, -3, +4 (ranks 49, 50, 51).
    const a = Array.from({ length: 51 }, (_, i) => (i < 48 ? 1 : i === 48 ? -2 : i === 49 ? -3 : 4));
    const test = wilcoxonSignedRank(a, new Array<number>(51).fill(0));
    const wPlus = 48 * 24.5 + 51;
    const mean = (51 * 52) / 4;
    const variance = (51 * 52 * 103) / 24 - (48 ** 3 - 48) / 48;
    const z = (wPlus - mean - 0.5) / Math.sqrt(variance);
    expect(test).toMatchObject({ n: 51, wPlus, wMinus: 99, method: 'normal' });
    expect(z).toBeCloseTo(5.9140755943795383, 14);
    expect(test.p / 3.3374459050047345e-9 - 1).toBeCloseTo(0, 13); // 2 P(Z > z), to 40 digits: R's 2 * pnorm(-z)
    // A statistic within half a rank of its mean is p = 1, not above.
    const balanced = wilcoxonSignedRank([...Array.from({ length: 26 }, (_, i) => i + 1), ...Array.from({ length: 26 }, (_, i) => -(i + 1))], new Array<number>(52).fill(0));
    expect(balanced).toMatchObject({ n: 52, method: 'normal', p: 1 });
  });

  it('refuses samples of different lengths', () => {
    expect(() => wilcoxonSignedRank([1, 2], [1])).toThrow('paired samples must have equal lengths, got 2 and 1');
  });
});

describe('Mann-Whitney U test', () => {
  it("matches R's wilcox.test(x, y) on Hollander & Wolfe's permeability data: W = 35, p = 0.2544", () => {
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const test = mannWhitney(x, y);
    expect(test).toMatchObject({ u: 35, superiority: 0.7, method: 'exact' });
    expect(test.p).toBeCloseTo(0.2544, 4);
    expect(test.p).toBeCloseTo(2 * (382 / 3003), 14); // 382 of C(15, 5) = 3003 splits give W >= 35
    expect(mannWhitney(y, x)).toMatchObject({ u: 15, superiority: 0.3, p: test.p });
  });

  it('separated sets of 3 and 3: p = 2 / C(6, 3) = 0.1', () => {
    expect(mannWhitney([4, 5, 6], [1, 2, 3])).toEqual({ u: 9, superiority: 1, p: 0.1, method: 'exact' });
    expect(mannWhitney([1, 2, 3], [4, 5, 6])).toEqual({ u: 0, superiority: 0, p: 0.1, method: 'exact' });
  });

  it('counts ties as half and stays exact under them, matching brute force over all splits', () => {
    const test = mannWhitney([1, 2, 3, 3], [3, 4, 5]);
    // ranks 1, 2, 4, 4 | 4, 6, 7: rank sum 11, U = 11 - 10 = 1
    expect(test).toMatchObject({ u: 1, superiority: 1 / 12, method: 'exact' });
    expect(test.p).toBeCloseTo(bruteP(splitStatistics([1, 2, 4, 4, 4, 6, 7], 4), 11), 12);
    expect(mannWhitney([7, 7], [7, 7])).toEqual({ u: 2, superiority: 0.5, p: 1, method: 'exact' });
  });

  it('above 60 samples uses the normal approximation with tie and continuity corrections', () => {
    expect(MANN_WHITNEY_EXACT_MAX).toBe(60);
    expect(mannWhitney(Array.from({ length: 30 }, (_, i) => i), Array.from({ length: 30 }, (_, i) => i + 0.5)).method).toBe('exact');
    const a = [...Array.from({ length: 30 }, (_, i) => i * 2), 1, 1];
    const b = Array.from({ length: 31 }, (_, i) => i * 2 + 3);
    const test = mannWhitney(a, b);
    const n = 63;
    // Values: a = 0, 2, ..., 58 and 1, 1; b = 3, 5, ..., 63. Ties: 1 twice.
    const ranks = rankWithTies([...a, ...b]).ranks;
    const rankSum = ranks.slice(0, 32).reduce((x, y) => x + y, 0);
    const u = rankSum - (32 * 33) / 2;
    const variance = ((32 * 31) / 12) * (n + 1 - 6 / (n * (n - 1)));
    const z = (Math.abs(u - (32 * 31) / 2) - 0.5) / Math.sqrt(variance);
    expect(test).toMatchObject({ u, superiority: u / (32 * 31), method: 'normal' });
    expect(z).toBeCloseTo(1.2304757162183096, 14);
    expect(test.p).toBeCloseTo(0.21851901511595949, 15); // 2 P(Z > z), to 40 digits: R's 2 * pnorm(-z)
    const same = mannWhitney(Array.from({ length: 31 }, (_, i) => i), Array.from({ length: 31 }, (_, i) => i));
    expect(same).toMatchObject({ u: 480.5, method: 'normal', p: 1 });
  });

  it('refuses an empty set', () => {
    expect(() => mannWhitney([], [1])).toThrow('both sets need samples, got 0 and 1');
    expect(() => mannWhitney([1], [])).toThrow(RangeError);
  });
});

describe("Holm's correction", () => {
  it("matches R's p.adjust(c(0.01, 0.04, 0.03, 0.005), 'holm') = 0.03 0.06 0.06 0.02", () => {
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((p, i) => expect(adjusted[i]).toBeCloseTo(p, 15));
  });

  it('caps at 1, keeps one p as it is, and handles none', () => {
    expect(holmAdjust([0.5, 0.6])).toEqual([1, 1]);
    expect(holmAdjust([0.2])).toEqual([0.2]);
    expect(holmAdjust([])).toEqual([]);
    expect(holmAdjust([0.001, 0.3, 0.02])).toEqual([0.003, 0.3, 0.04]);
  });
});

describe('rememberedKSubsetSumCounts: the rank-sum null counted once per rank list', () => {
  const ranks = (n: number, offset = 0): number[] => Array.from({ length: n }, (_, i) => 2 * (i + 1) + offset);

  it('gives the counts kSubsetSumCounts gives, and the same array again for the same ranks and k', () => {
    const first = rememberedKSubsetSumCounts(ranks(12), 5);
    expect(first).toEqual(kSubsetSumCounts(ranks(12), 5));
    expect(rememberedKSubsetSumCounts(ranks(12), 5)).toBe(first);
    // Another k, or other ranks (ties), is another null.
    expect(rememberedKSubsetSumCounts(ranks(12), 6)).toEqual(kSubsetSumCounts(ranks(12), 6));
    const tied = [2, 5, 5, 8, 10, 12];
    expect(rememberedKSubsetSumCounts(tied, 3)).toEqual(kSubsetSumCounts(tied, 3));
  });

  it('the same ranks in another order (other samples of the same sizes, no ties) are the same null, counted once', () => {
    const first = rememberedKSubsetSumCounts([8, 2, 6, 4, 10], 2);
    expect(rememberedKSubsetSumCounts([2, 4, 6, 8, 10], 2)).toBe(first);
    expect(rememberedKSubsetSumCounts([10, 8, 6, 4, 2], 3)).not.toBe(first);
    // Lists whose digits run together alike are not one list: [2, 2, 4] and [2, 24].
    expect(rememberedKSubsetSumCounts([2, 2, 4], 1)).toEqual(kSubsetSumCounts([2, 2, 4], 1));
    expect(rememberedKSubsetSumCounts([2, 24], 1)).toEqual(kSubsetSumCounts([2, 24], 1));
  });

  it('counts every k-subset sum of ranks in any order, tied or not, as enumerating the subsets does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 0, maxLength: 11 }), fc.nat(12), (ranks, kPick) => {
        const k = kPick % (ranks.length + 1);
        const total = ranks.reduce((a, b) => a + b, 0);
        const expected = new Array<number>(total + 1).fill(0);
        for (let mask = 0; mask < 2 ** ranks.length; mask++) {
          const chosen = ranks.filter((_, i) => mask & (1 << i));
          if (chosen.length === k) expected[chosen.reduce((a, b) => a + b, 0)]! += 1;
        }
        expect(kSubsetSumCounts(ranks, k)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the last 64 rank lists: the oldest is counted anew once 64 others came after it', () => {
    const oldest = rememberedKSubsetSumCounts(ranks(6, 1000), 2);
    for (let i = 0; i < 63; i++) rememberedKSubsetSumCounts(ranks(6, 2000 + 2 * i), 2);
    expect(rememberedKSubsetSumCounts(ranks(6, 1000), 2)).toBe(oldest);
    // The 64th after it pushes it out.
    rememberedKSubsetSumCounts(ranks(6, 3000), 2);
    const again = rememberedKSubsetSumCounts(ranks(6, 1000), 2);
    expect(again).not.toBe(oldest);
    expect(again).toEqual(oldest);
  });
});
