import { medianInterval } from '../measure/median-interval.ts';
import { pairedRatioInterval } from '../measure/ratio-interval.ts';
import { median } from '../measure/stats.ts';
import { pairedVerdict, unpairedVerdict, type Verdict } from '../measure/verdict.ts';
import { formatPercent, formatRatio } from '../report/format.ts';
import { formatP } from '../report/interval-text.ts';

/**
 * Ratios in sentences, each with what backs it: the test that compared two measured things, or the
 * interval of one measured thing against a computed reference. Every comparison a note makes in
 * words goes through here (or through `comparedWith`), so that none is said without its verdict.
 */

/** "Wilcoxon signed-rank over 7 paired rounds". */
export const wilcoxonOver = (n: number): string => `Wilcoxon signed-rank over ${n} paired round${n === 1 ? '' : 's'}`;

/** "Mann-Whitney U over 40 and 40 round trips". */
export const mannWhitneyOver = (a: number, b: number, what: string): string => `Mann-Whitney U over ${a} and ${b} ${what}`;

/**
 * A ratio with its verdict: "1.26x, p < 0.001, Mann-Whitney U over 40 and 40 round trips", "0.98x: no
 * measurable difference, p = 0.578, Wilcoxon ...", "1.91x, too few repeats for a verdict (n = 3)".
 */
export function ratioWithVerdict(ratio: number, verdict: Verdict | undefined, test: string): string {
  if (verdict === undefined) return `${formatRatio(ratio)}, untested: no samples were kept`;
  if (verdict.state === 'too-few') return `${formatRatio(ratio)}, too few repeats for a verdict (n = ${verdict.n})`;
  if (verdict.state === 'same') return `${formatRatio(ratio)}: no measurable difference, ${formatP(verdict.p)}, ${test}`;
  return `${formatRatio(ratio)}, ${formatP(verdict.p)}, ${test}`;
}

/** Two series measured in the same rounds, `a` against `b`: the ratio of their medians, the interval of the per-round ratio, and the paired verdict. */
export interface PairedComparison {
  readonly ratio: number;
  /** 95% interval of the per-round ratio a / b (NaN below two rounds). */
  readonly low: number;
  readonly high: number;
  /** Wilcoxon signed-rank: 'faster' when `a` is measurably smaller than `b`. */
  readonly verdict: Verdict;
  readonly test: string;
}

/** `a` against `b`, paired by index (the same round). */
export function pairedComparison(a: readonly number[], b: readonly number[]): PairedComparison {
  const n = Math.min(a.length, b.length);
  const [x, y] = [a.slice(0, n), b.slice(0, n)];
  const interval = n >= 2 ? pairedRatioInterval(x, y) : { low: Number.NaN, high: Number.NaN };
  return { ratio: median(x) / median(y), low: interval.low, high: interval.high, verdict: pairedVerdict(x, y), test: wilcoxonOver(n) };
}

/** `a` against `b`, measured apart: the ratio of their medians and the Mann-Whitney verdict (no interval). */
export function unpairedComparison(a: readonly number[], b: readonly number[], what: string): PairedComparison {
  return { ratio: median(a) / median(b), low: Number.NaN, high: Number.NaN, verdict: unpairedVerdict(a, b), test: mannWhitneyOver(a.length, b.length, what) };
}

/** What backs the ratio, to follow it in brackets: "[1.06-1.14], p = 0.016, Wilcoxon ...", "no measurable difference, p = 0.4, ...", "too few repeats for a verdict (n = 3)". */
export function comparisonBacking(c: PairedComparison): string {
  const rest = ratioWithVerdict(c.ratio, c.verdict, c.test).slice(formatRatio(c.ratio).length).replace(/^[,:] /, '');
  const interval = intervalOf(c).trim();
  return interval === '' ? rest : `${interval}, ${rest}`;
}

const intervalOf = (c: PairedComparison): string => (Number.isFinite(c.low) && Number.isFinite(c.high) ? ` [${c.low.toFixed(2)}-${c.high.toFixed(2)}]` : '');

/**
 * One measured median against a computed reference (an ideal, a bound, a sum of waits): the ratio
 * and the median's own order-statistic interval over the same reference, "1.01x [1.00-1.02]";
 * with fewer than two repeats there is no interval, and it says so.
 */
export function medianOverReference(samples: readonly number[] | undefined, medianMs: number, referenceMs: number): string {
  const ratio = formatRatio(medianMs / referenceMs);
  if (samples === undefined || samples.length < 2) return `${ratio} (${samples === undefined ? 'no repeats kept' : 'one repeat'}: no interval, too few repeats for a verdict)`;
  const { low, high, coverage } = medianInterval(samples);
  const shortfall = coverage < 0.95 ? ` (${formatPercent(coverage)} interval of ${samples.length} repeats)` : '';
  return `${ratio} [${(low / referenceMs).toFixed(2)}-${(high / referenceMs).toFixed(2)}]${shortfall}`;
}
