import type { ComparableOf } from '../../report/comparable-settings.ts';
import { compareResults } from '../../report/compare-results.ts';
import { renderTable } from '../../report/render-text.ts';
import { findResultFiles } from '../../report/results-store.ts';
import { readLabResult } from '../../report/read-bench-file.ts';
import type { LabArgs } from '../args.ts';
import type { CliStreams } from '../streams.ts';
import { UsageError } from '../../errors/usage-error.ts';
import { ExitCode } from '../../errors/lab-error.ts';
import { compareSidesCommand } from './compare-sides.ts';

/**
 * `compare OLD NEW` (two paths): NEW against OLD, and the regression gate (compare-sides.ts).
 * `compare PATHS...` with one path, more than two, or `--machines`: one table per experiment across
 * the machines whose results are given. Resolves to the exit code.
 */
export async function compareCommand(paths: readonly string[], args: LabArgs, streams: CliStreams, comparableOf: ComparableOf): Promise<number> {
  if (paths.length === 0) throw new UsageError('compare needs results files or directories: compare OLD NEW (two sides), or compare PATHS... --machines (one table across machines)');
  if (paths.length === 2 && !args.compare.machines) return compareSidesCommand(paths[0]!, paths[1]!, args, streams, comparableOf);
  const sidesOnly = args.compare.failOnSlower !== undefined ? '--fail-on-slower' : args.compare.format !== undefined && args.compare.format !== 'json' && args.compare.format !== 'text' ? `--format ${args.compare.format}` : undefined;
  if (sidesOnly !== undefined) throw new UsageError(`${sidesOnly} compares two sides: give exactly two paths, compare OLD NEW, without --machines (got ${paths.length} path${paths.length === 1 ? '' : 's'}${args.compare.machines ? ' and --machines' : ''})`);
  await machinesTable(paths, args, streams, comparableOf);
  return ExitCode.ok;
}

async function machinesTable(paths: readonly string[], args: LabArgs, streams: CliStreams, comparableOf: ComparableOf): Promise<void> {
  const files = await findResultFiles(paths);
  if (files.length === 0) throw new UsageError(`no results files (.json) under ${paths.join(', ')}`);
  const results = await Promise.all(files.map(readLabResult));
  const comparison = compareResults(results, comparableOf);
  if (args.json || args.compare.format === 'json') {
    const rows = comparison.rows.map((r) => ({
      experiment: r.experiment,
      workload: r.workload,
      mode: r.mode,
      ...(r.extra !== undefined && { extra: r.extra }),
      machines: r.cells.map((c) => (c === undefined ? null : { id: c.machine.id, label: c.label, cores: c.machine.logicalCores, ...c.row })),
      medianRatios: r.medianRatios.map((x) => x ?? null),
      tests: r.tests.map((t) => t ?? null),
      verdict: r.verdict,
      ...(r.why !== undefined && { why: r.why }),
    }));
    streams.stdout.write(`${JSON.stringify({ files, machines: comparison.machines, rows, warnings: comparison.warnings }, null, 2)}\n`);
    return;
  }
  const text = comparison.tables.map((t) => renderTable(t)).join('\n\n');
  const count = (verdict: string): number => comparison.rows.filter((r) => r.verdict === verdict).length;
  const how = [
    ...(comparison.rows.some((r) => r.tests.some((t) => t?.method === 'mann-whitney')) ? ['Mann-Whitney U on the saved samples, Holm-corrected, p < 0.05'] : []),
    ...(comparison.rows.some((r) => r.tests.some((t) => t?.method === 'interval overlap')) ? ['for files without samples: efficiency +- 95% CI do not overlap'] : []),
  ];
  const warnings = comparison.warnings.map((w) => `! ${w}\n`).join('');
  streams.stdout.write(
    `${text}\n\n${warnings}${files.length} results files, ${comparison.machines.length} machines; ` +
      `${count('differ')} row(s) where the machines differ beyond their measured noise${how.length > 0 ? ` (${how.join('; ')})` : ''}` +
      `, ${count('agree')} with no measurable difference, ${count('unknown')} undecided, ${count('not comparable')} not comparable.\n`,
  );
}
