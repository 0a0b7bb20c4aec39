import { formatRatio } from './format.ts';
import { untestedWhy } from './compare-sides-cells.ts';
import { formatP } from './interval-text.ts';
import type { SideFacts, SideRow, SidesComparison } from './compare-sides.ts';

/** What `--fail-on-slower PCT` (and `--strict`) found. */
export interface GateOutcome {
  readonly failOnSlowerPct: number;
  readonly strict: boolean;
  /** Rows NEW is slower in beyond the threshold: Holm-corrected p < 0.05 and the interval's low end above 1 + PCT/100. */
  readonly tripped: readonly SideRow[];
  /** Rows that could not be tested (missing on a side, not comparable, no samples, too few samples): they never trip the gate; --strict fails on them. */
  readonly untested: readonly SideRow[];
  /** Sides on which other programs used more CPU than a run tolerates. */
  readonly disturbed: readonly SideFacts[];
  readonly failed: boolean;
  /** One line: passed or FAILED, and why, naming the rows. */
  readonly verdict: string;
}

/** The regression gate over a comparison: fails on a measured slowdown beyond `pct` percent, and under `strict` on anything it could not judge. */
export function judgeGate(comparison: SidesComparison, pct: number, strict: boolean): GateOutcome {
  const limit = 1 + pct / 100;
  const tripped = comparison.rows.filter((r) => r.verdict?.state === 'slower' && r.interval !== undefined && r.interval.low > limit);
  const untested = comparison.rows.filter((r) => untestedWhy(r) !== undefined);
  const disturbed = [comparison.old, comparison.new].filter((s) => s.disturbed);
  const strictFaults = strict ? [...untested.map((r) => `${r.identity} ${r.label} (${untestedWhy(r)!})`), ...disturbed.map((s) => `${s.name} disturbed (other programs used ${s.foreignCpuCores!.toFixed(2)} cores)`)] : [];
  const failed = tripped.length > 0 || strictFaults.length > 0;
  const rule = `--fail-on-slower ${pct}: Holm-corrected Mann-Whitney p < 0.05 and the 95% bootstrap interval of NEW/OLD above ${limit.toFixed(2)}`;
  const parts = [
    ...(tripped.length > 0 ? [`${tripped.length} row(s) slower: ${tripped.map(trippedText).join('; ')}`] : []),
    ...(strictFaults.length > 0 ? [`--strict: ${strictFaults.join('; ')}`] : []),
  ];
  const tested = comparison.rows.length - untested.length;
  const unsure = [
    ...(untested.length > 0 && !strict ? [`${untested.length} not tested (listed with the tables; --strict fails on them)`] : []),
    ...(disturbed.length > 0 && !strict ? [`${disturbed.map((s) => s.name).join(' and ')} disturbed by other programs`] : []),
  ];
  const verdict = failed
    ? `gate FAILED (${rule}): ${parts.join('; ')}${unsure.length > 0 ? `; also ${unsure.join(', ')}` : ''}.`
    : `gate passed (${rule}): no row slower, ${tested} tested${unsure.length > 0 ? `, ${unsure.join(', ')}` : ''}.`;
  return { failOnSlowerPct: pct, strict, tripped, untested, disturbed, failed, verdict };
}

function trippedText(row: SideRow): string {
  return `${row.identity} ${row.label} ${formatRatio(row.ratio!)} [${row.interval!.low.toFixed(2)}-${row.interval!.high.toFixed(2)}] ${formatP(row.verdict!.state === 'too-few' ? 1 : row.verdict!.p)}`;
}
