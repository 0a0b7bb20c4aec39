import { holmAdjust } from './holm.ts';
import { mannWhitney } from './mann-whitney.ts';
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
  // Stryker disable next-line EqualityOperator: W+ = W- means p = 1, never significant
  return { state: test.wPlus < test.wMinus ? 'faster' : 'slower', n, p: test.p };
}

/**
 * Compares `times` with `reference` measured apart (two machines, two runs) by the Mann-Whitney U
 * test. 'too-few' when even complete separation could not reach p < 0.05 (3 against 3 gives at
 * best p = 0.1).
 */
export function unpairedVerdict(times: readonly number[], reference: readonly number[]): Verdict {
  const n = Math.min(times.length, reference.length);
  // Stryker disable next-line ConditionalExpression: with an empty set the smallest p is 2 / C(n, n) = 2, too few anyway; said for clarity
  if (n === 0 || 2 / binomial(times.length + reference.length, times.length) >= SIGNIFICANCE) return { state: 'too-few', n };
  const test = mannWhitney(times, reference);
  if (test.p >= SIGNIFICANCE) return { state: 'same', n, p: test.p };
  // Stryker disable next-line EqualityOperator: U = na nb / 2 means p = 1, never significant
  return { state: test.superiority < 0.5 ? 'faster' : 'slower', n, p: test.p };
}

/** n choose k, exactly for the small counts a verdict needs (as a float beyond 2^53, which is then far past any threshold). */
function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

/** Verdicts judged again after Holm's correction over all of them: a difference must survive the number of rows compared. */
export function holmVerdicts(verdicts: readonly Verdict[]): Verdict[] {
  const tested = verdicts.flatMap((v) => (v.state === 'too-few' ? [] : [v.p]));
  const adjusted = holmAdjust(tested);
  let next = 0;
  return verdicts.map((v) => {
    if (v.state === 'too-few') return v;
    const p = adjusted[next++]!;
    return p >= SIGNIFICANCE ? { state: 'same', n: v.n, p } : { ...v, p };
  });
}
