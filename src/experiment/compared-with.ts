import { pairByRound } from '../measure/samples.ts';
import { pairedVerdict, type Verdict } from '../measure/verdict.ts';
import { formatRatio } from '../report/format.ts';
import { formatP } from '../report/interval-text.ts';
import type { ModeFigures } from './mode-rows.ts';

/** Whether `row` differed from `reference` over the rounds both ran (Wilcoxon); undefined for figures without samples. */
export function verdictBetween(row: Pick<ModeFigures, 'samples'>, reference: Pick<ModeFigures, 'samples'>): Verdict | undefined {
  if (row.samples === undefined || reference.samples === undefined) return undefined;
  const paired = pairByRound(row.samples, reference.samples);
  return pairedVerdict(paired.a, paired.b);
}

/**
 * A speedup said the way a reader expects, claiming "faster" or "slower" only when the verdict
 * found the difference significant: "1.89x faster (p = 0.016)", "as fast: no measurable
 * difference (1.02x, p = 0.438)", "1.89x the speed, too few repeats for a verdict (n = 5)".
 * Without a verdict (figures without samples) the ratio alone: "1.89x faster", "1.25x slower" or "as fast".
 */
export function fasterOrSlower(speedup: number, verdict?: Verdict): string {
  if (verdict === undefined) {
    if (formatRatio(speedup) === '1.00x') return 'as fast';
    return speedup > 1 ? `${formatRatio(speedup)} faster` : `${formatRatio(1 / speedup)} slower`;
  }
  if (verdict.state === 'too-few') return `${formatRatio(speedup)} the speed, too few repeats for a verdict (n = ${verdict.n})`;
  if (verdict.state === 'same') return `as fast: no measurable difference (${formatRatio(speedup)}, ${formatP(verdict.p)})`;
  return `${fasterOrSlower(speedup)} (${formatP(verdict.p)})`;
}

/** "1.89x faster than X (p = 0.016)", "no measurable difference from X (1.02x, p = 0.438)", "1.89x the speed of X, too few repeats for a verdict (n = 5)". */
export function comparedWith(speedup: number, other: string, verdict?: Verdict): string {
  if (verdict?.state === 'too-few') return `${formatRatio(speedup)} the speed of ${other}, too few repeats for a verdict (n = ${verdict.n})`;
  if (verdict?.state === 'same') return `no measurable difference from ${other} (${formatRatio(speedup)}, ${formatP(verdict.p)})`;
  const said = fasterOrSlower(speedup);
  const claim = said === 'as fast' ? `about as fast as ${other}` : `${said} than ${other}`;
  return verdict === undefined ? claim : `${claim} (${formatP(verdict.p)})`;
}

/** How `row` compared with the `other` mode's row, in words, with the paired verdict between them. */
export function comparedWithRow(row: ModeFigures, other: ModeFigures): string {
  return comparedWith(other.medianMs / row.medianMs, other.mode, verdictBetween(row, other));
}
