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

/** Nulls already counted, by `k` and the sorted ranks: without ties every comparison of two sizes has the same ranks, 1 to n. */
const countedNulls = new Map<string, readonly number[]>();
const COUNTED_NULLS_KEPT = 64;

/**
 * `kSubsetSumCounts`, remembered for the last 64 rank lists: a gate over many rows, or a run that
 * compares many pairs of the same sizes, counts each null once. The null depends on which ranks
 * there are, not on the order the samples came in, so the ranks are sorted for the key.
 */
export function rememberedKSubsetSumCounts(doubledRanks: readonly number[], k: number): readonly number[] {
  const sorted = ascending(doubledRanks);
  const key = `${k}:${sorted.join(',')}`;
  const known = countedNulls.get(key);
  if (known !== undefined) return known;
  const counts = countsOfAscending(sorted, k);
  if (countedNulls.size >= COUNTED_NULLS_KEPT) countedNulls.delete(countedNulls.keys().next().value!);
  countedNulls.set(key, counts);
  return counts;
}

/** Counts of every sum of exactly `k` of `doubledRanks`: the Mann-Whitney (rank-sum) null. */
export function kSubsetSumCounts(doubledRanks: readonly number[], k: number): number[] {
  return countsOfAscending(ascending(doubledRanks), k);
}

const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/**
 * `kSubsetSumCounts` of ranks already sorted smallest first. The counts do not depend on the ranks'
 * order; taken smallest first, the sums a subset of j of the ranks seen so far can have lie between
 * the j smallest and the j largest of them.
 */
function countsOfAscending(ranks: readonly number[], k: number): number[] {
  const n = ranks.length;
  const prefix = [0];
  for (const r of ranks) prefix.push(prefix.at(-1)! + r);
  const width = prefix[n]! + 1;
  // One flat table, row j at j * width: the gate counts a null per tie pattern, so this is its hot loop.
  const table = new Float64Array((k + 1) * width);
  table[0] = 1;
  for (const [seen, r] of ranks.entries()) {
    // No subset of the first `seen` + 1 ranks holds more than `seen` + 1 of them, and a subset of j
    // that the ranks left cannot fill up to k is never counted: only rows in between change.
    // Stryker disable next-line MethodExpression,ArithmeticOperator: equivalent; a lower bound only skips rows that can no longer reach k, so any lower one counts the same (the property test), only slower.
    const lowest = Math.max(1, k - (n - 1 - seen));
    // Stryker disable next-line MethodExpression: equivalent; rows past k fall outside the table, whose writes are dropped.
    for (let j = Math.min(k, seen + 1); j >= lowest; j--) {
      const into = j * width + r;
      const from = (j - 1) * width;
      const smallest = prefix[j - 1]!;
      const largest = prefix[seen]! - prefix[seen - (j - 1)]!;
      for (let s = largest; s >= smallest; s--) table[into + s]! += table[from + s]!;
    }
  }
  return Array.from(table.subarray(k * width));
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
