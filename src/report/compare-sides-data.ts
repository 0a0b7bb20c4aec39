import { medianInterval } from '../measure/median-interval.ts';
import type { GateOutcome } from './compare-gate.ts';
import { sideText } from './compare-side-facts.ts';
import type { SideCell, SideRow, SidesComparison } from './compare-sides.ts';

/** `--format json`: everything, p-values and intervals included. */
export function sidesJson(comparison: SidesComparison, gate: GateOutcome | undefined): string {
  const side = (c: SideCell | undefined): object | null =>
    c === undefined ? null : { medianMs: c.medianMs, samples: c.samplesMs?.length ?? null, files: c.files, threads: c.threads };
  const rows = comparison.rows.map((r) => ({
    identity: r.identity,
    tool: r.tool,
    row: r.label,
    fields: Object.fromEntries(r.fields),
    state: r.state,
    ...(r.why !== undefined && { why: r.why }),
    old: side(r.old),
    new: side(r.new),
    ratio: r.ratio ?? null,
    ratioLow: r.interval?.low ?? null,
    ratioHigh: r.interval?.high ?? null,
    verdict: r.verdict?.state ?? null,
    p: r.verdict !== undefined && r.verdict.state !== 'too-few' ? r.verdict.p : null,
    rawP: r.rawP ?? null,
  }));
  const sides = Object.fromEntries([comparison.old, comparison.new].map((s) => [s.name.toLowerCase(), { ...s, summary: sideText(s) }]));
  const gateDoc = gate === undefined ? null : { failOnSlowerPct: gate.failOnSlowerPct, strict: gate.strict, failed: gate.failed, tripped: gate.tripped.map((r) => `${r.identity} ${r.label}`), untested: gate.untested.map((r) => `${r.identity} ${r.label}`), disturbed: gate.disturbed.map((s) => s.name), verdict: gate.verdict };
  return `${JSON.stringify({ ...sides, rows, notes: comparison.notes, gate: gateDoc }, null, 2)}\n`;
}

const CSV_HEAD = ['identity', 'tool', 'row', 'state', 'old_median_ms', 'old_samples', 'new_median_ms', 'new_samples', 'ratio', 'ratio_low', 'ratio_high', 'verdict', 'p', 'raw_p', 'why'];

/** `--format csv`: one line per row, RFC 4180 quoting, numbers unrounded, empty where there is none. */
export function sidesCsv(comparison: SidesComparison): string {
  const lines = comparison.rows.map((r) => [
    r.identity,
    r.tool,
    r.label,
    r.state,
    r.old?.medianMs,
    r.old?.samplesMs?.length,
    r.new?.medianMs,
    r.new?.samplesMs?.length,
    r.ratio,
    r.interval?.low,
    r.interval?.high,
    r.verdict?.state,
    r.verdict !== undefined && r.verdict.state !== 'too-few' ? r.verdict.p : undefined,
    r.rawP,
    r.why,
  ]);
  return [CSV_HEAD, ...lines].map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One entry of github-action-benchmark's `customSmallerIsBetter` input. */
export interface BenchmarkActionEntry {
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  readonly range?: string;
  readonly extra?: string;
}

/**
 * `--format github-action-benchmark`: the `customSmallerIsBetter` array, one entry per row NEW has:
 * its median in ms, the range as "± h" (h: the farther end of the median's distribution-free 95%
 * interval, the form the action parses), and OLD with the test in `extra`.
 */
export function sidesBenchmarkAction(comparison: SidesComparison): BenchmarkActionEntry[] {
  return comparison.rows.flatMap((r): BenchmarkActionEntry[] => {
    if (r.new === undefined) return [];
    const samples = r.new.samplesMs;
    const interval = samples === undefined ? undefined : medianInterval(samples);
    const half = interval === undefined ? undefined : Math.max(r.new.medianMs - interval.low, interval.high - r.new.medianMs);
    return [{ name: `${r.identity} ${r.label}`, unit: 'ms', value: r.new.medianMs, ...(half !== undefined && { range: `± ${Number(half.toPrecision(4))}` }), extra: extraOf(r) }];
  });
}

function extraOf(r: SideRow): string {
  const n = r.new?.samplesMs === undefined ? 'no samples' : `${r.new.samplesMs.length} samples`;
  if (r.old === undefined) return `${r.tool}; ${n}; not in OLD`;
  const test = r.verdict === undefined ? r.state : r.verdict.state === 'too-few' ? 'too few samples for a test' : `${r.verdict.state}, Holm-corrected p=${r.verdict.p.toPrecision(3)}`;
  const interval = r.interval === undefined ? '' : ` [${r.interval.low.toFixed(3)}-${r.interval.high.toFixed(3)}]`;
  return `${r.tool}; ${n}; OLD ${Number(r.old.medianMs.toPrecision(6))} ms; NEW/OLD ${r.ratio!.toFixed(3)}${interval}; ${test}`;
}
