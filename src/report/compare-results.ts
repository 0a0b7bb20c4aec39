import type { MachineInfo } from '../measure/machine.ts';
import type { ResultTable } from './experiment-result.ts';
import { formatMs, formatPercent, formatRatio } from './format.ts';
import type { SavedResult } from './saved-result.ts';

/** The fields compare needs from a row: a timed mode of a workload, as the mode tables save them. */
interface ModeRow {
  readonly workload: string;
  readonly mode: string;
  readonly threads: number;
  readonly medianMs: number;
  readonly speedup: number;
  readonly speedupCi95?: number;
  readonly efficiency: number;
}

/** One machine's figures for one row. */
export interface MachineCell {
  readonly machine: MachineInfo;
  readonly row: ModeRow;
}

/** One workload and mode across machines. */
export interface ComparedRow {
  readonly experiment: string;
  readonly workload: string;
  readonly mode: string;
  /** One per machine, in machine order; undefined where that machine has no such row. */
  readonly cells: readonly (MachineCell | undefined)[];
  /** Each machine's median divided by the first machine's (undefined where either is missing). */
  readonly medianRatios: readonly (number | undefined)[];
  /** 'agree' | 'differ' when both confidence intervals are known, 'unknown' otherwise. */
  readonly verdict: 'agree' | 'differ' | 'unknown';
}

export interface Comparison {
  readonly machines: readonly MachineInfo[];
  readonly rows: readonly ComparedRow[];
  readonly tables: readonly ResultTable[];
}

/**
 * Lines up results of the same experiments from different machines. Rows are matched by
 * workload and mode; two machines "differ" when their efficiency intervals (speedup +- its 95%
 * half-width, per thread) do not overlap: a gap that the measured noise cannot explain.
 * When a machine has several results of one experiment, its latest counts.
 */
export function compareResults(results: readonly SavedResult[]): Comparison {
  const machines = [...new Map(results.map((r) => [r.machine.id, r.machine])).values()];
  const latest = new Map<string, SavedResult>();
  for (const r of [...results].sort((a, b) => a.savedAt.localeCompare(b.savedAt))) latest.set(`${r.experiment}\u0000${r.machine.id}`, r);
  const experiments = [...new Set(results.map((r) => r.experiment))];
  const rows: ComparedRow[] = [];
  for (const experiment of experiments) {
    const perMachine = machines.map((m) => latest.get(`${experiment}\u0000${m.id}`)?.rows.filter(isModeRow) ?? []);
    const keys = [...new Set(perMachine.flat().map(keyOf))];
    for (const key of keys) {
      const cells = perMachine.map((list, i) => {
        const row = list.find((r) => keyOf(r) === key);
        return row === undefined ? undefined : { machine: machines[i]!, row };
      });
      const first = cells[0]?.row.medianMs;
      const [workload, mode] = key.split('\u0000') as [string, string];
      rows.push({
        experiment,
        workload,
        mode,
        cells,
        medianRatios: cells.map((c) => (c === undefined || first === undefined ? undefined : c.row.medianMs / first)),
        verdict: verdictOf(cells),
      });
    }
  }
  return { machines, rows, tables: experiments.map((e) => tableFor(e, machines, rows.filter((r) => r.experiment === e))) };
}

function tableFor(experiment: string, machines: readonly MachineInfo[], rows: readonly ComparedRow[]): ResultTable {
  const first = machines[0]?.id ?? '';
  return {
    title: `${experiment}: ${machines.map((m) => `${m.id} (${m.cpuModel}, ${m.logicalCores} cores)`).join(' vs ')}`,
    head: [
      'workload',
      'mode',
      ...machines.flatMap((m) => [`${m.id} threads`, `${m.id} median ms`, `${m.id} speedup`, `${m.id} efficiency`]),
      ...machines.slice(1).map((m) => `median ${m.id} / ${first}`),
      'beyond noise?',
    ],
    align: ['left', 'left'],
    rows: rows.map((r) => [
      r.workload,
      r.mode,
      ...r.cells.flatMap((c) =>
        c === undefined
          ? ['-', '-', '-', '-']
          : [String(c.row.threads), formatMs(c.row.medianMs), speedupText(c.row), formatPercent(c.row.efficiency)],
      ),
      ...r.medianRatios.slice(1).map((x) => (x === undefined ? '-' : formatRatio(x))),
      r.verdict === 'differ' ? 'DIFFER' : r.verdict === 'agree' ? 'agree' : 'unknown (1 repeat)',
    ]),
  };
}

function verdictOf(cells: readonly (MachineCell | undefined)[]): ComparedRow['verdict'] {
  const present = cells.filter((c): c is MachineCell => c !== undefined);
  if (present.length < 2 || present.some((c) => !(c.row.speedupCi95 !== undefined && c.row.speedupCi95 > 0))) return 'unknown';
  const intervals = present.map((c) => {
    const half = c.row.speedupCi95! / c.row.threads;
    return [c.row.efficiency - half, c.row.efficiency + half] as const;
  });
  const overlapAll = intervals.every(([lo, hi]) => intervals.every(([lo2, hi2]) => lo <= hi2 && lo2 <= hi));
  return overlapAll ? 'agree' : 'differ';
}

function speedupText(row: ModeRow): string {
  return row.speedupCi95 !== undefined && row.speedupCi95 > 0 ? `${formatRatio(row.speedup)} ±${row.speedupCi95.toFixed(2)}` : formatRatio(row.speedup);
}

function keyOf(row: ModeRow): string {
  return `${row.workload}\u0000${row.mode}`;
}

function isModeRow(row: object): row is ModeRow {
  const r = row as Record<string, unknown>;
  return (
    typeof r.workload === 'string' &&
    typeof r.mode === 'string' &&
    typeof r.threads === 'number' &&
    typeof r.medianMs === 'number' &&
    typeof r.speedup === 'number' &&
    typeof r.efficiency === 'number'
  );
}
