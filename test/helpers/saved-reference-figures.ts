// The saved reference results as figures for an analysis, and contexts like the ones they ran under.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import type { Analysis } from '../../src/experiment/define.ts';
import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import type { MachineInfo } from '../../src/measure/machine.ts';
import type { Facts } from '../../src/report/experiment-result.ts';
import { repoRoot } from './cli.ts';

/** What a claims test reads of an analysis: its sentences, and the warnings under its tables. */
export type Said = Pick<Analysis<object, Facts>, 'notes' | 'tables'>;

/** One set of figures for one experiment, analysed: where they came from, and what the analysis said. */
export interface AnalysedCase {
  readonly figures: string;
  readonly analyse: () => Said;
}

export interface SavedFile {
  readonly settings: Readonly<Record<string, string | number | boolean>>;
  readonly facts: Readonly<Record<string, number | string | null>>;
  readonly machine: MachineInfo;
  readonly rows: readonly Record<string, unknown>[];
}

/** The newest saved reference result of an experiment (results/reference/NAME/*.json). */
export function saved(name: string): SavedFile {
  const folder = join(repoRoot, 'results', 'reference', name);
  const file = readdirSync(folder).filter((f) => f.endsWith('.json')).sort().at(-1);
  if (file === undefined) throw new Error(`no saved result in ${folder}`);
  return JSON.parse(readFileSync(join(folder, file), 'utf8')) as SavedFile;
}

/**
 * A quick one-repeat context on the reference machine, without asking this machine anything (which
 * would start git: the unit tier runs no processes).
 */
export function tinyContext(overrides: Partial<ExperimentContext> = {}): ExperimentContext {
  return { quick: true, repeats: 1, warmups: 0, steps: true, threads: 2, seed: 1, machine: saved('headline').machine, signal: new AbortController().signal, onProgress: () => {}, ...overrides };
}

/** The context the saved run had: its settings and its machine. */
export function contextOf(file: SavedFile): ExperimentContext {
  const { settings } = file;
  const number = (key: string, fallback: number): number => (typeof settings[key] === 'number' ? settings[key] : fallback);
  return tinyContext({ quick: settings.quick === true, repeats: number('repeats', 1), warmups: number('warmups', 0), threads: number('threads', 2), seed: number('seed', 1), machine: file.machine });
}

export const modeRows = (rows: readonly Record<string, unknown>[]): ModeComparison[] => rows.filter((r) => typeof r.mode === 'string' && typeof r.medianMs === 'number') as unknown as ModeComparison[];

/** The same rows with only their first `n` rounds: too few for any paired verdict below 6. */
export function firstRounds<R extends ModeComparison>(rows: readonly R[], n: number): R[] {
  return rows.map((r) => ({ ...r, repeats: Math.min(r.repeats, n), samples: r.samples.slice(0, n), verdict: r.mode === r.baseline ? r.verdict : { state: 'too-few', n: Math.min(r.repeats, n) } }));
}

/** Both the saved figures and those cut to three rounds. */
export function savedAndFewer(name: string, build: (rows: readonly ModeComparison[], file: SavedFile) => Said): AnalysedCase[] {
  const file = saved(name);
  const rows = modeRows(file.rows);
  return [
    { figures: 'saved reference', analyse: () => build(rows, file) },
    { figures: 'saved reference, first 3 rounds', analyse: () => build(firstRounds(rows, 3), file) },
  ];
}

export const workloadOf = (rows: readonly ModeComparison[], name: string): ModeComparison[] => {
  const found = rows.filter((r) => r.workload === name);
  if (found.length === 0) throw new Error(`no saved rows of workload ${name}`);
  return found;
};
