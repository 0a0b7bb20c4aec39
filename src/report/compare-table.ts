import type { CellTest, ModeRow } from './compare-tests.ts';
import type { ComparedRow } from './compared-row.ts';
import type { ResultTable } from './experiment-result.ts';
import { formatMs, formatRatio } from './format.ts';
import { formatP, medianWithInterval } from './interval-text.ts';

/**
 * One experiment across machines, one line per machine under each workload and mode, so that the
 * table stays within 100 columns however many machines are compared.
 */
export function compareTable(experiment: string, rows: readonly ComparedRow[]): ResultTable {
  const columns = rows[0]?.cells.map((_, i) => rows.find((r) => r.cells[i] !== undefined)?.cells[i]) ?? [];
  const first = columns[0]?.label ?? '';
  const tests = rows.flatMap((r) => r.tests);
  const methods = new Set(tests.flatMap((t) => (t === undefined ? [] : [t.method])));
  const tested = tests.filter((t) => t?.method === 'mann-whitney').length;
  const runs = columns[0]?.label.startsWith('run ') === true;
  const described = columns.map((c) =>
    c === undefined ? '?' : runs ? `${c.label} saved ${c.machine.date}` : `${c.label} (${c.machine.cpuModel}, ${c.machine.logicalCores} cores)`,
  );
  return {
    title: `${experiment}: ${runs ? `runs of ${columns[0]!.machine.id}: ` : ''}${described.join(' vs ')}`,
    head: ['workload / mode', 'machine', 'threads', 'median ms [95% CI]', 'speedup', ...(columns.length < 2 ? [] : [`vs ${first}`])],
    align: ['left', 'left'],
    rows: rows.flatMap((r) =>
      r.cells.map((c, i) => [
        r.cells.length === 1 ? `${r.workload} ${modeText(r)}` : i === 0 ? r.workload : i === 1 ? `  ${modeText(r)}` : '',
        c?.label ?? '-',
        c === undefined ? '-' : String(c.row.threads),
        c === undefined ? '-' : medianText(c.row),
        c === undefined ? '-' : formatRatio(c.row.speedup),
        ...(columns.length < 2 ? [] : [i === 0 ? '' : testText(r.tests[i], r.medianRatios[i])]),
      ]),
    ),
    warnings: [
      ...(methods.has('mann-whitney')
        ? [`vs ${first}: time ratio and Mann-Whitney U on the saved samples, p Holm-corrected over ${tested} comparisons; ~ no measurable difference (p >= 0.05), ? too few repeats.`]
        : []),
      ...(methods.has('interval overlap') ? ['files without samples (schema 1): rows judged by whether efficiency +- 95% CI overlap, a test with no stated error rate.'] : []),
      ...(columns.length < 2
        ? ['one result only: nothing to compare it with (give results from two machines, or two runs of one).']
        : rows.flatMap((r) => (r.why !== undefined && r.verdict === 'unknown' && r.why.startsWith('only on') ? [`${r.workload} ${r.mode}: ${r.why}.`] : []))),
      ...notComparable(rows),
    ],
  };
}

/** The mode, with the row's other identifying fields. */
function modeText(r: ComparedRow): string {
  return r.extra === undefined ? r.mode : `${r.mode} ${r.extra}`;
}

/** The median with its interval when the file saved one (schema 2), else the median alone. */
function medianText(row: ModeRow): string {
  if (row.medianLowMs === undefined || row.medianHighMs === undefined || row.medianCoverage === undefined) return formatMs(row.medianMs);
  return medianWithInterval({ repeats: row.repeats ?? row.samples?.length ?? 1, medianMs: row.medianMs, medianLowMs: row.medianLowMs, medianHighMs: row.medianHighMs, medianCoverage: row.medianCoverage });
}

/** "1.67x slower p=0.008", "~ 1.02x p=1.000", "? too few, n=3", "DIFFER (overlap)", "not comparable": compact, for 100 columns. */
export function testText(test: CellTest | undefined, ratio: number | undefined): string {
  if (test === undefined) return '-';
  if (test.method === 'not comparable') return 'not comparable';
  if (test.method === 'interval overlap') return test.state === 'differ' ? 'DIFFER (overlap)' : test.state === 'agree' ? 'agree (overlap)' : 'unknown (no CI)';
  const v = test.verdict;
  if (v.state === 'too-few') return `? too few, n=${v.n}`;
  const p = formatP(v.p).replace(' = ', '=').replace(' < ', '<');
  if (v.state === 'same') return `~ ${ratio === undefined ? '' : formatRatio(ratio)} ${p}`;
  return `${ratio === undefined ? '' : formatRatio(ratio >= 1 ? ratio : 1 / ratio)} ${v.state} ${p}`;
}

function notComparable(rows: readonly ComparedRow[]): string[] {
  const seen = new Map<string, readonly string[]>();
  for (const r of rows) {
    r.tests.forEach((t, i) => {
      const label = r.cells[i]?.label;
      if (t?.method === 'not comparable' && label !== undefined) seen.set(label, t.differing);
    });
  }
  return [...seen].map(([label, keys]) => `not comparable: ${label} measured different work (settings differ: ${keys.join(', ')}); run both with the same settings.`);
}
