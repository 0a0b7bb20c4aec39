/**
 * Exact null distributions of rank statistics, by counting. Ranks come doubled so that mid-ranks
 * (ties) stay integers: the distributions are then exact conditional on the ties observed.
 */

/** Counts of every sum of a subset of `doubledRanks` (each rank in or out): Wilcoxon's signed-rank null. */
export function subsetSumCounts(doubledRanks: readonly number[]): number[] {
  const total = doubledRanks.reduce((a, b) => a + b, 0);
  const counts = new Array<number>(total + 1).fill(0);
  counts[0] = 1;
  let reach = 0;
  for (const r of doubledRanks) {
    for (let s = reach; s >= 0; s--) counts[s + r]! += counts[s]!;
    reach += r;
  }
  return counts;
}

/** Nulls already counted, by `k` and the ranks: without ties every comparison of two sizes has the same ranks, 1 to n. */
const countedNulls = new Map<string, readonly number[]>();
const COUNTED_NULLS_KEPT = 64;

/**
 * `kSubsetSumCounts`, remembered for the last 64 rank lists: a gate over many rows, or a run that
 * compares many pairs of the same sizes, counts each null once (at 30 + 30 samples one count takes
 * about 10 ms).
 */
export function rememberedKSubsetSumCounts(doubledRanks: readonly number[], k: number): readonly number[] {
  const key = `${k}:${doubledRanks.join(',')}`;
  const known = countedNulls.get(key);
  if (known !== undefined) return known;
  const counts = kSubsetSumCounts(doubledRanks, k);
  if (countedNulls.size >= COUNTED_NULLS_KEPT) countedNulls.delete(countedNulls.keys().next().value!);
  countedNulls.set(key, counts);
  return counts;
}

/** Counts of every sum of exactly `k` of `doubledRanks`: the Mann-Whitney (rank-sum) null. */
export function kSubsetSumCounts(doubledRanks: readonly number[], k: number): number[] {
  const total = doubledRanks.reduce((a, b) => a + b, 0);
  const table = Array.from({ length: k + 1 }, () => new Array<number>(total + 1).fill(0));
  table[0]![0] = 1;
  let reach = 0;
  for (const [seen, r] of doubledRanks.entries()) {
    // After `seen` ranks, no subset holds more than `seen` of them: rows above stay empty.
    for (let j = Math.min(k, seen + 1); j >= 1; j--) {
      const into = table[j]!;
      const from = table[j - 1]!;
      for (let s = reach; s >= 0; s--) into[s + r]! += from[s]!;
    }
    reach += r;
  }
  return table[k]!;
}

/** Two-sided p-value of an observed (doubled) sum under a counted null: twice the smaller tail, at most 1. */
export function twoSidedP(counts: readonly number[], observed: number): number {
  let all = 0;
  let below = 0;
  let above = 0;
  counts.forEach((c, s) => {
    all += c;
    if (s <= observed) below += c;
    if (s >= observed) above += c;
  });
  return Math.min(1, (2 * Math.min(below, above)) / all);
}
