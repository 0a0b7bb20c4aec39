import type { ResultTable } from './experiment-result.ts';
import { DISTURBED_MARK, disturbedLegend } from './foreign-cpu-notes.ts';
import { formatMs, formatPercent, formatRatio } from './format.ts';
import { medianWithInterval, speedupWithInterval } from './interval-text.ts';
import type { TryFacts, TryFigures } from './try-figures.ts';
import { impossibleEfficiency, type TryRow } from './try-rows.ts';

/** Microseconds to a tenth below 100, whole above: "12.3", "250". */
export const us = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** "25 (12-40)": the median byte count and the range, whole bytes. */
const bytes = (all: readonly number[], median: number): string => `${median} (${Math.min(...all)}-${Math.max(...all)})`;

/** "2", or "1 of 2" when the batches made fewer tasks than threads. */
export const threadsText = (r: TryRow): string => (r.threadsUsed < r.threads ? `${r.threadsUsed} of ${r.threads}` : String(r.threads));

/** `try`'s two tables: every setting against the loop, and what one call and its data cost. */
export function tryTables(f: TryFigures, rows: readonly TryRow[], facts: TryFacts, perInputCallUs: readonly number[]): ResultTable[] {
  return [
    {
      title: `${f.workload}: ${f.callMs.length} inputs, ${f.kind === 'async' ? 'an' : 'a'} ${f.kind} function, ${f.cores} cores`,
      head: ['mode', 'threads', 'batch', 'median ms [95% CI]', 'speedup vs baseline [95% CI]', 'efficiency', 'cpu ms', 'results'],
      rows: rows.map((r) => [
        `${r.dedicated === true ? 'pool, own (A/A)' : r.mode}${r.disturbed === true ? ` ${DISTURBED_MARK}` : ''}`,
        threadsText(r),
        r.mode === 'pool' ? String(r.batch) : '-',
        medianWithInterval(r),
        r.mode === 'baseline' ? formatRatio(r.speedup) : speedupWithInterval(r),
        `${formatPercent(r.efficiency)}${impossibleEfficiency(r) ? ' *' : ''}`,
        formatMs(r.cpuMs),
        r.checksumOk ? 'equal' : `DIFFERENT from input ${r.firstDifferent ?? '?'}`,
      ]),
      warnings: legend(rows),
    },
    {
      title: 'what one call costs (each input: the median of its calls in the timed loops), and moving its data (medians over the inputs; transfer = send + receive)',
      head: ['call µs', 'per input µs (min-max)', 'in a worker', 'input bytes (min-max)', 'result bytes (min-max)', 'send input µs', 'receive result µs', 'transfer µs', 'empty call µs', 'break-even µs'],
      rows: [
        [
          us(facts.callUs),
          `${us(Math.min(...perInputCallUs))}-${us(Math.max(...perInputCallUs))}`,
          `${formatRatio(facts.workerSlowdown)} the time`,
          bytes(f.inputBytes, facts.inputBytes),
          bytes(f.resultBytes, facts.resultBytes),
          us(facts.sendUs),
          us(facts.receiveUs),
          us(facts.transferUs),
          us(facts.emptyCallUs),
          facts.breakEvenUs === null ? 'none' : us(facts.breakEvenUs),
        ],
      ],
      warnings: ['send and receive are round trips less the empty call: 0.0 means not told apart from the empty call.'],
    },
  ];
}

/** What the marks mean, said once under the table, for the rule that set them. */
function legend(rows: readonly TryRow[]): string[] {
  const lines: string[] = [];
  const candidates = rows.filter((r) => r.mode !== 'baseline' && r.dedicated !== true).length;
  if (rows.some((r) => r.verdict.state === 'same')) {
    lines.push(
      `~ not measurably faster or slower than baseline. Faster means: Wilcoxon signed-rank over the paired rounds, p Holm-corrected over the ${candidates} settings chosen among, below 0.05, and the 95% interval above 1.`,
    );
  }
  const few = rows.find((r) => r.verdict.state === 'too-few')?.verdict;
  if (few !== undefined) lines.push(`? too few rounds for a test (n = ${few.n}, 6 or more needed): the 95% interval alone decides, and only above 1.`);
  if (rows.some(impossibleEfficiency)) lines.push('* above 100%: more than its threads can give; the plain loop was slowed by something else (its own call timing, GC, another program).');
  // The legend names a row by workload and mode: the pool rows by their threads and batch as well.
  lines.push(...disturbedLegend(rows.map((r) => ({ ...r, mode: r.mode === 'pool' ? `pool ${threadsText(r)} threads, batch ${r.batch}${r.dedicated === true ? ' (A/A)' : ''}` : r.mode }))));
  return lines;
}
