import { wilcoxonSignedRank } from './wilcoxon-signed-rank.ts';

/** Paired rounds a verdict needs: with 5 the exact Wilcoxon test cannot go below p = 0.0625. */
export const MIN_PAIRED_ROUNDS = 6;
/** The false-positive rate a verdict accepts. */
export const SIGNIFICANCE = 0.05;

/** Whether a mode differed from another, measured in the same rounds. */
export type Verdict =
  | { readonly state: 'too-few'; readonly n: number }
  | { readonly state: 'same'; readonly n: number; readonly p: number }
  | { readonly state: 'faster' | 'slower'; readonly n: number; readonly p: number };

/**
 * Compares `times` with `reference` (same rounds, same order) by Wilcoxon's signed-rank test:
 * 'faster' or 'slower' only when p < 0.05, 'same' (no measurable difference) otherwise, and
 * 'too-few' below 6 rounds, where no outcome could reach p < 0.05.
 */
export function pairedVerdict(times: readonly number[], reference: readonly number[]): Verdict {
  const n = Math.min(times.length, reference.length);
  if (n < MIN_PAIRED_ROUNDS) return { state: 'too-few', n };
  const test = wilcoxonSignedRank(times.slice(0, n), reference.slice(0, n));
  if (test.p >= SIGNIFICANCE) return { state: 'same', n, p: test.p };
  return { state: test.wPlus < test.wMinus ? 'faster' : 'slower', n, p: test.p };
}
