import type { GateOutcome } from './compare-gate.ts';
import { sideText } from './compare-side-facts.ts';
import { cellText, fitLabel, ratioText, testText, TEST_LEGEND, untestedWhy } from './compare-sides-cells.ts';
import type { SidesComparison } from './compare-sides.ts';

/** A pull-request comment is read in a narrow column: no line of it is wider than this. */
export const MARKDOWN_WIDTH = 99;
/** The widest other cells ("12345.67 (n=100)", "12.34x [12.34-12.34]", "faster p<0.001") and the pipes leave this much for the label. */
const LABEL_WIDTH = 30;

/** The comparison as a pull-request comment: one table per experiment or tool, every line within 99 columns. */
export function sidesMarkdown(comparison: SidesComparison, gate: GateOutcome | undefined): string {
  const out: string[] = [];
  if (gate !== undefined) out.push(...wrap(`**Regression gate ${gate.failed ? 'FAILED' : 'passed'}** ${gate.verdict.replace(/^gate (passed|FAILED) /, '')}`));
  out.push('');
  for (const side of [comparison.old, comparison.new]) out.push(...wrap(`- ${side.name}: \`${side.paths.join(' ')}\` (${sideText(side)})`));
  for (const identity of [...new Set(comparison.rows.map((r) => r.identity))]) {
    const rows = comparison.rows.filter((r) => r.identity === identity);
    out.push('', `**${cell(fitLabel(identity, 60))}** (${rows[0]!.tool})`, '');
    out.push('| row | OLD ms | NEW ms | NEW/OLD [95% CI] | test |', '| :-- | --: | --: | --: | :-- |');
    for (const r of rows) out.push(`| ${cell(fitLabel(r.label, LABEL_WIDTH))} | ${cellText(r.old)} | ${cellText(r.new)} | ${ratioText(r)} | ${testText(r)} |`);
    const untested = rows.flatMap((r) => {
      const why = untestedWhy(r);
      return why === undefined ? [] : wrap(`- ${cell(r.label)}: ${why}`);
    });
    if (untested.length > 0) out.push('', ...untested);
  }
  out.push('', ...comparison.notes.flatMap((n) => wrap(n)), ...wrap(TEST_LEGEND));
  return `${out.join('\n').replace(/^\n+/, '')}\n`;
}

/** A table cell's text: a pipe would end the cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** Prose wrapped at spaces within the width; a word wider than the width alone is cut in the middle. */
export function wrap(text: string, width = MARKDOWN_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').map((w) => fitLabel(w, width - 2))) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
