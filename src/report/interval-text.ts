import type { RatioMethod } from '../measure/ratio-interval.ts';
import { MEDIAN_CONFIDENCE } from '../measure/median-interval.ts';
import type { Verdict } from '../measure/verdict.ts';
import { formatMs, formatPercent, formatRatio } from './format.ts';

/** "812 [798-830]" (the median and its order-statistic interval), with the coverage when it falls short of 95%. */
export function medianWithInterval(r: { readonly repeats: number; readonly medianMs: number; readonly medianLowMs: number; readonly medianHighMs: number; readonly medianCoverage: number }): string {
  if (r.repeats < 2) return formatMs(r.medianMs);
  const shortfall = r.medianCoverage < MEDIAN_CONFIDENCE ? ` ${formatPercent(r.medianCoverage)}` : '';
  return `${formatMs(r.medianMs)} [${formatMs(r.medianLowMs)}-${formatMs(r.medianHighMs)}]${shortfall}`;
}

/** "1.89x [1.85-1.93]", marked "~" when not measurably different and "?" when too few repeats for a verdict. */
export function speedupWithInterval(r: {
  readonly repeats: number;
  readonly speedup: number;
  readonly speedupLow: number;
  readonly speedupHigh: number;
  readonly speedupMethod?: RatioMethod;
  readonly verdict?: Verdict;
}): string {
  if (r.repeats < 2) return formatRatio(r.speedup);
  const mark = r.verdict === undefined ? '' : r.verdict.state === 'same' ? ' ~' : r.verdict.state === 'too-few' ? ' ?' : '';
  return `${formatRatio(r.speedup)} [${r.speedupLow.toFixed(2)}-${r.speedupHigh.toFixed(2)}]${mark}`;
}

/** "2 of 9 repeats of cpu-bound parallel were outliers (rounds 3, 7): the machine was busy?"; nothing without outliers. */
export function outlierWarning(r: { readonly workload: string; readonly mode: string; readonly repeats: number; readonly outlierRounds: readonly number[] }): string[] {
  const count = r.outlierRounds.length;
  if (count === 0) return [];
  return [
    `${count} of ${r.repeats} repeats of ${r.workload} ${r.mode} ${count === 1 ? 'was an outlier' : 'were outliers'} (round${count === 1 ? '' : 's'} ${r.outlierRounds.join(', ')}, ` +
      `over 10 scaled MADs from the median): the machine was busy? ${count === 1 ? 'It stays' : 'They stay'} in the median.`,
  ];
}

/** What "~" and "?" mean, said once under a table that uses them. */
export function verdictLegend(rows: readonly { readonly verdict?: Verdict }[], baseline: string): string[] {
  const lines: string[] = [];
  if (rows.some((r) => r.verdict?.state === 'same')) lines.push(`~ no measurable difference from ${baseline} (Wilcoxon signed-rank over paired rounds, p >= 0.05).`);
  const few = rows.find((r) => r.verdict?.state === 'too-few')?.verdict;
  if (few !== undefined) lines.push(`? too few repeats for a verdict (n = ${few.n}): a paired test needs 6 rounds or more.`);
  return lines;
}

/** "p = 0.016", or "p < 0.001" below that. */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** A verdict in words: "faster (p = 0.016)", "no measurable difference (p = 0.43)", "too few repeats for a verdict (n = 5)". */
export function verdictPhrase(verdict: Verdict): string {
  if (verdict.state === 'too-few') return `too few repeats for a verdict (n = ${verdict.n})`;
  if (verdict.state === 'same') return `no measurable difference (${formatP(verdict.p)})`;
  return `${verdict.state} (${formatP(verdict.p)})`;
}

/** Under `--repeats auto`: how many rounds ran and what ended them. Nothing for a fixed number of repeats. */
export function autoRepeatsLine(rows: readonly { readonly repeats: number; readonly stoppedBy?: string; readonly medianMs: number; readonly medianLowMs: number; readonly medianHighMs: number }[]): string[] {
  const stopped = rows.find((r) => r.stoppedBy !== undefined);
  if (stopped === undefined) return [];
  const widest = Math.max(...rows.map((r) => Math.max(r.medianMs - r.medianLowMs, r.medianHighMs - r.medianMs) / r.medianMs));
  const why =
    stopped.stoppedBy === 'precision'
      ? 'every median was known within +-2%'
      : stopped.stoppedBy === 'budget'
        ? `the --budget ran out, with medians known within +-${formatPercent(widest)}`
        : `the round limit was reached, with medians known within +-${formatPercent(widest)}`;
  return [`--repeats auto: ${stopped.repeats} rounds, ended because ${why}.`];
}
