import type { MachineInfo } from '../measure/machine.ts';
import { differingSettings, type ComparableOf } from './comparable-settings.ts';
import { compareTable } from './compare-table.ts';
import { correctTests, testCell, testOutcome, type CellTest, type ModeRow } from './compare-tests.ts';
import type { ResultTable } from './experiment-result.ts';
import type { SavedResult } from './saved-result.ts';
import type { ComparedRow } from './compared-row.ts';
import { identifyingFields, isModeRow, threadsIdentify } from './bench-lab.ts';
import { rowKey, rowLabel } from './bench-file.ts';

export type { CellTest, ModeRow } from './compare-tests.ts';
export type { ComparedRow, MachineCell } from './compared-row.ts';

/** One column of a comparison: a machine's latest result, or one run when all runs come from one machine. */
export interface CompareColumn {
  readonly label: string;
  readonly machine: MachineInfo;
  readonly result: SavedResult;
}

export interface Comparison {
  readonly machines: readonly MachineInfo[];
  readonly rows: readonly ComparedRow[];
  readonly tables: readonly ResultTable[];
  /** Said once under the tables: different lab commits, and how verdicts were reached. */
  readonly warnings: readonly string[];
}

/**
 * Lines up results of the same experiments from different machines, row by row (workload and
 * mode). With samples saved, each machine's row is tested against the first machine's by
 * Mann-Whitney U, Holm-corrected over every row compared; files without samples fall back to
 * whether efficiency intervals overlap, and say so. Runs whose work settings differ are not
 * compared. When a machine has several results of one experiment its latest counts, unless
 * every result comes from one machine: then its oldest run is compared with its latest.
 * `comparableOf` names the settings each experiment declares must match.
 */
export function compareResults(results: readonly SavedResult[], comparableOf: ComparableOf = () => undefined): Comparison {
  const machines = [...new Map(results.map((r) => [r.machine.id, r.machine])).values()];
  const sorted = [...results].sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  const experiments = [...new Set(results.map((r) => r.experiment))];
  const raw = experiments.flatMap((experiment) => rowsOf(experiment, comparableOf(experiment), columnsOf(sorted.filter((r) => r.experiment === experiment), machines)));
  const corrected = correctTests(raw.flatMap((r) => r.tests));
  let next = 0;
  const rows = raw.map((r) => finish({ ...r, tests: r.tests.map(() => corrected[next++]) }));
  const warnings = experiments.flatMap((experiment) => {
    const commits = new Set(results.filter((r) => r.experiment === experiment).map((r) => r.machine.labCommit ?? 'unknown'));
    return commits.size > 1 ? [`${experiment}: results from different lab commits (${[...commits].join(', ')}): differences may come from the lab, not the machines.`] : [];
  });
  // Experiments without timed mode rows (echo-server, scheduler-overhead, ...) have nothing to line up.
  const tables = experiments.flatMap((e) => {
    const own = rows.filter((r) => r.experiment === e);
    return own.length === 0 ? [] : [compareTable(e, own)];
  });
  return { machines, rows, warnings, tables };
}

function columnsOf(results: readonly SavedResult[], machines: readonly MachineInfo[]): CompareColumn[] {
  const ids = new Set(results.map((r) => r.machine.id));
  if (ids.size === 1 && results.length > 1) {
    // One machine: its oldest run against its latest (a reference against today), not every run between.
    const ends = [results[0]!, results[results.length - 1]!];
    return ends.map((result, i) => ({ label: `run ${i + 1}`, machine: result.machine, result }));
  }
  const latest = new Map(results.map((r) => [r.machine.id, r]));
  return machines.flatMap((m) => {
    const result = latest.get(m.id);
    return result === undefined ? [] : [{ label: m.id, machine: result.machine, result }];
  });
}

type RawRow = Omit<ComparedRow, 'verdict' | 'why'>;

function rowsOf(experiment: string, mustMatch: readonly string[] | undefined, columns: readonly CompareColumn[]): RawRow[] {
  const first = columns[0];
  if (first === undefined) return [];
  const differing = columns.map((c) => differingSettings(mustMatch, first.result.settings, c.result.settings));
  const perColumn = columns.map((c) => c.result.rows.filter(isModeRow));
  // Rows are keyed by every field that identifies them; threads only where they tell rows of one run apart (try's pool rows).
  const withThreads = perColumn.some(threadsIdentify);
  const keyOf = (row: ModeRow): string => rowKey(identifyingFields(row, withThreads));
  const keys = [...new Map(perColumn.flat().map((r) => [keyOf(r), r])).entries()];
  return keys.map(([key, first]) => {
    const cells = perColumn.map((list, i) => {
      const row = list.find((r) => keyOf(r) === key);
      return row === undefined ? undefined : { machine: columns[i]!.machine, label: columns[i]!.label, row };
    });
    const base = cells[0];
    const extra = rowLabel(identifyingFields(first, withThreads).filter(([name]) => name !== 'workload' && name !== 'mode'));
    return {
      experiment,
      workload: first.workload,
      mode: first.mode,
      ...(extra !== '' && { extra }),
      cells,
      medianRatios: cells.map((c) => (c === undefined || base === undefined ? undefined : c.row.medianMs / base.row.medianMs)),
      tests: cells.map((c, i): CellTest | undefined => {
        if (i === 0 || c === undefined || base === undefined) return undefined;
        return differing[i]!.length > 0 ? { method: 'not comparable', differing: differing[i]! } : testCell(base.row, c.row);
      }),
    };
  });
}

function finish(row: RawRow): ComparedRow {
  const outcomes = row.tests.flatMap((t) => (t === undefined ? [] : [testOutcome(t)]));
  if (outcomes.length === 0) return { ...row, verdict: 'unknown', why: `only on ${row.cells.flatMap((c) => (c === undefined ? [] : [c.label])).join(', ')}` };
  if (outcomes.includes('differ')) return { ...row, verdict: 'differ' };
  if (outcomes.every((o) => o === 'agree')) return { ...row, verdict: 'agree' };
  if (outcomes.every((o) => o === 'not comparable')) return { ...row, verdict: 'not comparable', why: 'the runs measured different work' };
  return { ...row, verdict: 'unknown', why: 'too few repeats, or no interval to compare' };
}
