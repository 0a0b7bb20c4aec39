import type { BenchFile, BenchRow, RowField } from './bench-file.ts';
import { checker } from './bench-checks.ts';

const NS_PER_MS = 1e6;

/** Whether a parsed file is mitata's `run({ format: 'json' })` output: `{ layout, benchmarks, context }`. */
export function looksLikeMitata(value: unknown): boolean {
  const doc = value as { benchmarks?: unknown; layout?: unknown } | null;
  return Array.isArray(doc?.benchmarks) && Array.isArray(doc?.layout);
}

/**
 * mitata 1's JSON: one row per run of each benchmark (its name, its arguments, its group's name),
 * times in ns. `stats.samples` holds every sample (sorted, the two slowest and fastest dropped past
 * 12) unless written with `samples: false`, which leaves null: then only the point estimate compares.
 */
export function readMitata(value: unknown, file: string): BenchFile {
  const check = checker(file, 'mitata json');
  const doc = check.object(value, 'the file');
  const layout = Array.isArray(doc.layout) ? doc.layout : [];
  const rows = check.array(doc.benchmarks, 'benchmarks').flatMap((b, i) => {
    const benchmark = check.object(b, `benchmarks[${i}]`);
    const groupName = (layout[typeof benchmark.group === 'number' ? benchmark.group : -1] as { name?: unknown } | undefined)?.name;
    const group: RowField[] = typeof groupName === 'string' && groupName !== '' ? [['group', groupName]] : [];
    return check.array(benchmark.runs, `benchmarks[${i}].runs`).map((r, j): BenchRow => {
      const path = `benchmarks[${i}].runs[${j}]`;
      const run = check.object(r, path);
      const name = check.nonEmptyString(run.name, `${path}.name`);
      if (run.error !== undefined && run.error !== null) check.fail(`${path} failed (it has an error, no stats); only runs that finished compare`);
      const stats = check.object(run.stats, `${path}.stats`);
      const p50 = check.positive(stats.p50, `${path}.stats.p50`);
      const samples = check.samples(stats.samples, `${path}.stats.samples`);
      const args = Object.entries(typeof run.args === 'object' && run.args !== null ? run.args : {}).map(([k, v]): RowField => [`arg ${k}`, typeof v === 'number' ? v : String(v)]);
      return { fields: [...group, ['name', name], ...args], medianMs: p50 / NS_PER_MS, ...(samples !== undefined && { samplesMs: samples.map((s) => s / NS_PER_MS) }) };
    });
  });
  return { file, tool: 'mitata', identity: 'mitata', settings: {}, rows };
}
