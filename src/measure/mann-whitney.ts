import { normalUpperTail } from './normal-distribution.ts';
import { rankWithTies, tieTerm } from './ranks.ts';
import { rememberedKSubsetSumCounts, twoSidedP } from './rank-sum-distribution.ts';

/** Up to this many samples in both sets together the p-value is exact; above it, the normal approximation. */
export const MANN_WHITNEY_EXACT_MAX = 60;

/** The Mann-Whitney U test of two independent sets of samples. */
export interface RankSumTest {
  /** U of the first set: how many (a, b) pairs have a > b, ties counting half (R's W). */
  readonly u: number;
  /** u / (na nb): the probability that a sample of the first set exceeds one of the second. */
  readonly superiority: number;
  /** Two-sided p-value. */
  readonly p: number;
  readonly method: 'exact' | 'normal';
}

/**
 * Mann-Whitney U (Wilcoxon rank-sum) test: do `a` and `b` come from one distribution? Exact
 * (conditional on tied ranks) up to 60 samples in all; above, the normal approximation with tie
 * and continuity corrections.
 */
export function mannWhitney(a: readonly number[], b: readonly number[]): RankSumTest {
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) throw new RangeError(`both sets need samples, got ${na} and ${nb}`);
  const { ranks, ties } = rankWithTies([...a, ...b]);
  const rankSum = ranks.slice(0, na).reduce((x, y) => x + y, 0);
  const u = rankSum - (na * (na + 1)) / 2;
  const superiority = u / (na * nb);
  if (na + nb <= MANN_WHITNEY_EXACT_MAX) {
    return { u, superiority, p: twoSidedP(rememberedKSubsetSumCounts(ranks.map((r) => 2 * r), na), 2 * rankSum), method: 'exact' };
  }
  const n = na + nb;
  const variance = ((na * nb) / 12) * (n + 1 - tieTerm(ties) / (n * (n - 1)));
  // All samples tied: every split of the ranks gives U = na nb / 2, so no outcome is more extreme (and z would be 0 / 0).
  if (variance <= 0) return { u, superiority, p: 1, method: 'normal' };
  const z = Math.max(0, Math.abs(u - (na * nb) / 2) - 0.5) / Math.sqrt(variance);
  return { u, superiority, p: Math.min(1, 2 * normalUpperTail(z)), method: 'normal' };
}
