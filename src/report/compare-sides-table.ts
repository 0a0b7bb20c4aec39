import type { GateOutcome } from './compare-gate.ts';
import { sideText } from './compare-side-facts.ts';
import { cellText, fitLabel, ratioText, testText, TEST_LEGEND, untestedWhy } from './compare-sides-cells.ts';
import type { SidesComparison } from './compare-sides.ts';
import type { ResultTable } from './experiment-result.ts';

/** Widest row label in the terminal table, so that it stays within 100 columns. */
const LABEL_WIDTH = 34;

/** One table per experiment (or tool) of OLD against NEW, the rows not tested listed under it. */
export function sidesTables(comparison: SidesComparison): ResultTable[] {
  const identities = [...new Set(comparison.rows.map((r) => r.identity))];
  return identities.map((identity) => {
    const rows = comparison.rows.filter((r) => r.identity === identity);
    return {
      title: `${identity === rows[0]!.tool ? `${identity} results` : `${identity} (${rows[0]!.tool})`}: OLD vs NEW`,
      head: ['row', 'OLD median ms', 'NEW median ms', 'NEW/OLD [95% CI]', 'test'],
      align: ['left', 'right', 'right', 'right', 'left'],
      rows: rows.map((r) => [fitLabel(r.label, LABEL_WIDTH), cellText(r.old), cellText(r.new), ratioText(r), testText(r)]),
      warnings: rows.flatMap((r) => {
        const why = untestedWhy(r);
        return why === undefined ? [] : [`${r.label}: ${why}`];
      }),
    };
  });
}

/** The lines under the tables: each side, the notes, the legend and the gate's verdict. */
export function sidesFooter(comparison: SidesComparison, gate: GateOutcome | undefined): string[] {
  return [
    `OLD: ${comparison.old.paths.join(' ')} (${sideText(comparison.old)})`,
    `NEW: ${comparison.new.paths.join(' ')} (${sideText(comparison.new)})`,
    ...comparison.notes,
    TEST_LEGEND,
    ...(gate === undefined ? [] : [gate.verdict]),
  ];
}
