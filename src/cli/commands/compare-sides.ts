import type { ComparableOf } from '../../report/comparable-settings.ts';
import { judgeGate } from '../../report/compare-gate.ts';
import { sidesBenchmarkAction, sidesCsv, sidesJson } from '../../report/compare-sides-data.ts';
import { sidesMarkdown } from '../../report/compare-sides-markdown.ts';
import { sidesFooter, sidesTables } from '../../report/compare-sides-table.ts';
import { compareSides } from '../../report/compare-sides.ts';
import { readBenchFile } from '../../report/read-bench-file.ts';
import { renderTable } from '../../report/render-text.ts';
import { findResultFiles } from '../../report/results-store.ts';
import { ExitCode } from '../../errors/lab-error.ts';
import { UsageError } from '../../errors/usage-error.ts';
import type { CompareFormat } from '../compare-args.ts';
import type { LabArgs } from '../args.ts';
import type { CliStreams } from '../streams.ts';

/**
 * `compare OLD NEW`: each side a results file or a directory of them (the lab's, hyperfine's,
 * tinybench's or mitata's), their runs pooled; with `--fail-on-slower PCT`, the regression gate.
 * Resolves to the exit code: 0 clean, 1 when the gate fails (a bad input throws, exit 2).
 */
export async function compareSidesCommand(oldPath: string, newPath: string, args: LabArgs, streams: CliStreams, comparableOf: ComparableOf): Promise<number> {
  const read = async (path: string, side: string): Promise<Awaited<ReturnType<typeof readBenchFile>>[]> => {
    const files = await findResultFiles([path]);
    if (files.length === 0) throw new UsageError(`${side} ${path}: no results files (.json) there`);
    return Promise.all(files.map(readBenchFile));
  };
  const [oldFiles, newFiles] = [await read(oldPath, 'OLD'), await read(newPath, 'NEW')];
  const comparison = compareSides(oldFiles, newFiles, { old: [oldPath], new: [newPath] }, comparableOf);
  const { failOnSlower, strict } = args.compare;
  const gate = failOnSlower === undefined ? undefined : judgeGate(comparison, failOnSlower, strict);
  const format: CompareFormat = args.json ? 'json' : (args.compare.format ?? 'text');
  // A machine format keeps stdout parseable: the verdict goes to stderr.
  const verdictToStderr = (): void => {
    if (gate !== undefined) streams.stderr.write(`${gate.verdict}\n`);
  };
  if (format === 'text') {
    streams.stdout.write(`${sidesTables(comparison).map(renderTable).join('\n\n')}\n\n${sidesFooter(comparison, gate).join('\n')}\n`);
  } else if (format === 'markdown') {
    streams.stdout.write(sidesMarkdown(comparison, gate));
  } else {
    if (format === 'json') streams.stdout.write(sidesJson(comparison, gate));
    if (format === 'csv') streams.stdout.write(sidesCsv(comparison));
    if (format === 'github-action-benchmark') streams.stdout.write(`${JSON.stringify(sidesBenchmarkAction(comparison), null, 2)}\n`);
    verdictToStderr();
  }
  return gate?.failed === true ? ExitCode.regression : ExitCode.ok;
}
