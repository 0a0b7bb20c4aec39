import { normalUpperTail } from './normal-distribution.ts';
import { rankWithTies, tieTerm } from './ranks.ts';
import { subsetSumCounts, twoSidedP } from './rank-sum-distribution.ts';

/** Up to this many non-zero differences the p-value is exact; above it, the normal approximation. */
export const WILCOXON_EXACT_MAX = 50;

/** Wilcoxon's signed-rank test of paired samples: does `a - b` centre on zero? */
export interface SignedRankTest {
  /** Pairs with a non-zero difference (zero differences are dropped, Wilcoxon's way). */
  readonly n: number;
  /** Sum of the ranks of positive differences (R's V). */
  readonly wPlus: number;
  /** Sum of the ranks of negative differences. */
  readonly wMinus: number;
  /** Two-sided p-value. */
  readonly p: number;
  readonly method: 'exact' | 'normal';
}

/**
 * Wilcoxon signed-rank test over pairs (a[i], b[i]). Exact (conditional on tied ranks) up to
 * 50 non-zero differences; above, the normal approximation with tie and continuity corrections.
 */
export function wilcoxonSignedRank(a: readonly number[], b: readonly number[]): SignedRankTest {
  if (a.length !== b.length) throw new RangeError(`paired samples must have equal lengths, got ${a.length} and ${b.length}`);
  const differences = a.map((x, i) => x - b[i]!).filter((d) => d !== 0);
  const n = differences.length;
  // Stryker disable next-line ConditionalExpression: the general path gives the same answer for no differences; this says it plainly
  if (n === 0) return { n, wPlus: 0, wMinus: 0, p: 1, method: 'exact' };
  const { ranks, ties } = rankWithTies(differences.map(Math.abs));
  // Stryker disable next-line EqualityOperator: zero differences were dropped above
  const wPlus = ranks.reduce((sum, r, i) => (differences[i]! > 0 ? sum + r : sum), 0);
  const wMinus = (n * (n + 1)) / 2 - wPlus;
  if (n <= WILCOXON_EXACT_MAX) {
    return { n, wPlus, wMinus, p: twoSidedP(subsetSumCounts(ranks.map((r) => 2 * r)), 2 * wPlus), method: 'exact' };
  }
  const mean = (n * (n + 1)) / 4;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm(ties) / 48;
  const z = Math.max(0, Math.abs(wPlus - mean) - 0.5) / Math.sqrt(variance);
  return { n, wPlus, wMinus, p: Math.min(1, 2 * normalUpperTail(z)), method: 'normal' };
}
