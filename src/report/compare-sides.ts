import { UsageError } from '../errors/usage-error.ts';
import { bootstrapRatioInterval, type RatioInterval } from '../measure/ratio-interval.ts';
import { median } from '../measure/stats.ts';
import { holmVerdicts, unpairedVerdict, type Verdict } from '../measure/verdict.ts';
import { rowKey, rowLabel, type BenchFile, type BenchRow, type BenchTool, type RowField } from './bench-file.ts';
import { differingSettings, type ComparableOf } from './comparable-settings.ts';
import { sideFacts, type SideFacts } from './compare-side-facts.ts';

export type { SideFacts, SideName } from './compare-side-facts.ts';

/** One side's figures for a row: samples of every file of the side pooled. */
export interface SideCell {
  readonly medianMs: number;
  readonly samplesMs?: readonly number[];
  /** Files of the side that hold the row. */
  readonly files: number;
  readonly threads: readonly number[];
}

/** What could be said of a row: tested, or why not. */
export type SideRowState = 'compared' | 'only in OLD' | 'only in NEW' | 'not comparable' | 'no samples';

/** One row of OLD against NEW. */
export interface SideRow {
  readonly identity: string;
  readonly tool: BenchTool;
  readonly fields: readonly RowField[];
  readonly label: string;
  readonly old?: SideCell;
  readonly new?: SideCell;
  readonly state: SideRowState;
  /** Why a row was not tested. */
  readonly why?: string;
  /** NEW's median / OLD's. */
  readonly ratio?: number;
  /** The seeded 95% bootstrap interval of that ratio (rows with samples on both sides). */
  readonly interval?: RatioInterval;
  /** Mann-Whitney U of NEW against OLD, Holm-corrected over every row tested. */
  readonly verdict?: Verdict;
  readonly rawP?: number;
}

/** Two sides compared row by row, with what the reader must know beside the rows. */
export interface SidesComparison {
  readonly old: SideFacts;
  readonly new: SideFacts;
  readonly rows: readonly SideRow[];
  /** Said under the table: a module that changed, settings that differ. */
  readonly notes: readonly string[];
}

interface Gathered {
  identity: string;
  tool: BenchTool;
  fields: readonly RowField[];
  old: BenchRow[];
  new: BenchRow[];
}

/**
 * Compares NEW with OLD (each a list of results files: several runs of a side are pooled) row by
 * row, rows keyed by every field that identifies them. Rows with samples on both sides get a
 * Mann-Whitney U test, Holm-corrected over every tested row, and a seeded bootstrap interval of the
 * ratio of medians; the others say why they were not tested. Sides that share no experiment, module
 * or tool are bad input.
 */
export function compareSides(oldFiles: readonly BenchFile[], newFiles: readonly BenchFile[], paths: { readonly old: readonly string[]; readonly new: readonly string[] }, comparableOf: ComparableOf): SidesComparison {
  const identities = (files: readonly BenchFile[]): string[] => [...new Set(files.map((f) => f.identity))];
  const shared = identities(oldFiles).filter((i) => identities(newFiles).includes(i));
  if (shared.length === 0) {
    throw new UsageError(`OLD holds ${identities(oldFiles).join(', ')} and NEW holds ${identities(newFiles).join(', ')}: nothing to compare; give both sides results of the same experiment, module or tool`);
  }
  const notes: string[] = [];
  const unlike = new Map<string, string>();
  for (const identity of [...new Set([...identities(oldFiles), ...identities(newFiles)])]) {
    const files = [...oldFiles, ...newFiles].filter((f) => f.identity === identity);
    const differing = [...new Set(files.flatMap((f) => differingSettings(comparableOf(identity), files[0]!.settings, f.settings)))];
    if (differing.length > 0) unlike.set(identity, `settings differ: ${differing.join(', ')}`);
    const hashes = (side: readonly BenchFile[]): string => [...new Set(side.filter((f) => f.identity === identity).flatMap((f) => f.moduleHash ?? []))].sort().join(', ');
    const [before, after] = [hashes(oldFiles), hashes(newFiles)];
    if (before !== '' && after !== '' && before !== after) notes.push(`${identity}: module changed (OLD ${before}, NEW ${after}): the rows compare two versions of the module.`);
  }
  for (const [identity, why] of unlike) notes.push(`${identity}: not comparable, the runs measured different work (${why}); run both sides with the same settings.`);
  const gathered = gather(oldFiles, newFiles);
  const raw = gathered.map((g) => judge(g, unlike.get(g.identity)));
  const corrected = holmVerdicts(raw.flatMap((r) => (r.verdict === undefined ? [] : [r.verdict])));
  let next = 0;
  const rows = raw.map((r) => (r.verdict === undefined ? r : { ...r, verdict: corrected[next++]!, ...(r.verdict.state !== 'too-few' && { rawP: r.verdict.p }) }));
  return { old: sideFacts('OLD', paths.old, oldFiles), new: sideFacts('NEW', paths.new, newFiles), rows, notes };
}

function gather(oldFiles: readonly BenchFile[], newFiles: readonly BenchFile[]): Gathered[] {
  const byKey = new Map<string, Gathered>();
  // Where threads tell rows of one file apart, they key the rows of every file of that identity.
  const threaded = new Set([...oldFiles, ...newFiles].filter((f) => f.rows.some((r) => r.fields.some(([name]) => name === 'threads'))).map((f) => f.identity));
  const fieldsOf = (identity: string, row: BenchRow): readonly RowField[] =>
    threaded.has(identity) && row.threads !== undefined && !row.fields.some(([name]) => name === 'threads') ? [...row.fields, ['threads', row.threads]] : row.fields;
  const add = (files: readonly BenchFile[], side: 'old' | 'new'): void => {
    for (const file of files) {
      for (const row of file.rows) {
        const fields = fieldsOf(file.identity, row);
        const key = `${file.identity}\u0000${rowKey(fields)}`;
        const entry = byKey.get(key) ?? { identity: file.identity, tool: file.tool, fields, old: [], new: [] };
        entry[side].push(row);
        byKey.set(key, entry);
      }
    }
  };
  add(oldFiles, 'old');
  add(newFiles, 'new');
  return [...byKey.values()];
}

function pool(rows: readonly BenchRow[]): SideCell | undefined {
  if (rows.length === 0) return undefined;
  const samples = rows.every((r) => r.samplesMs !== undefined) ? rows.flatMap((r) => r.samplesMs!) : undefined;
  // One file: the tool's own median (mitata's p50 is its lower middle sample); several: the pooled samples' median.
  const medianMs = rows.length === 1 ? rows[0]!.medianMs : samples !== undefined && samples.length > 0 ? median(samples) : median(rows.map((r) => r.medianMs));
  const threads = [...new Set(rows.flatMap((r) => (r.threads === undefined ? [] : [r.threads])))].sort((a, b) => a - b);
  return { medianMs, ...(samples !== undefined && samples.length > 0 && { samplesMs: samples }), files: rows.length, threads };
}

function judge(g: Gathered, unlike: string | undefined): SideRow {
  const base = { identity: g.identity, tool: g.tool, fields: g.fields, label: rowLabel(g.fields) };
  const [old, now] = [pool(g.old), pool(g.new)];
  if (old === undefined) return { ...base, new: now!, state: 'only in NEW', why: 'no such row in OLD' };
  if (now === undefined) return { ...base, old, state: 'only in OLD', why: 'no such row in NEW' };
  const cells = { ...base, old, new: now, ratio: now.medianMs / old.medianMs };
  if (unlike !== undefined) return { ...cells, state: 'not comparable', why: unlike };
  if (new Set([...old.threads, ...now.threads]).size > 1) return { ...cells, state: 'not comparable', why: `threads differ (OLD ${old.threads.join(', ')}, NEW ${now.threads.join(', ')})` };
  if (old.samplesMs === undefined || now.samplesMs === undefined) {
    const without = [...(old.samplesMs === undefined ? ['OLD'] : []), ...(now.samplesMs === undefined ? ['NEW'] : [])].join(' and ');
    return { ...cells, state: 'no samples', why: `${without} kept no samples: point estimates only, no test was possible` };
  }
  return { ...cells, state: 'compared', verdict: unpairedVerdict(now.samplesMs, old.samplesMs), interval: bootstrapRatioInterval(thinned(now.samplesMs), thinned(old.samplesMs)) };
}

/** Samples a bootstrap resamples whole; past this (tinybench keeps a sample per call: a million for a fast task) it resamples their quantiles. */
export const BOOTSTRAP_MAX_SAMPLES = 1000;

/**
 * At most `BOOTSTRAP_MAX_SAMPLES` values standing for the samples: their quantiles at evenly spaced
 * levels, so that the distribution, its median and its spread are kept while 2000 resamples of a
 * million samples would take minutes. Fewer values make the interval a little wider, never narrower
 * than the data allow: the gate errs towards passing.
 */
export function thinned(samples: readonly number[]): readonly number[] {
  if (samples.length <= BOOTSTRAP_MAX_SAMPLES) return samples;
  const sorted = Float64Array.from(samples).sort();
  return Array.from({ length: BOOTSTRAP_MAX_SAMPLES }, (_, i) => sorted[Math.floor(((i + 0.5) / BOOTSTRAP_MAX_SAMPLES) * sorted.length)]!);
}
