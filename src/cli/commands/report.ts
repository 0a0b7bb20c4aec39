import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { Experiment } from '../../experiment/context.ts';
import { writeFileAtomic, type FileToWrite } from '../../report/atomic-write.ts';
import { fileFault } from '../../report/file-fault.ts';
import { checkOutputDir, checkOutputFile, kindOf } from '../../report/output-paths.ts';
import { renderHtml, type ReportEntry } from '../../report/render-html.ts';
import { DEFAULT_RESULTS_DIR, findResultFiles, readResult } from '../../report/results-store.ts';
import { ResultFileError, type SavedResult } from '../../report/saved-result.ts';
import type { LabArgs } from '../args.ts';
import type { CliStreams } from '../streams.ts';
import { UsageError } from '../../errors/usage-error.ts';
import { DEFAULTS } from '../defaults.ts';

/** Where the page goes unless `--out DIR` says otherwise: `results/index.html`. */
export const DEFAULT_REPORT_DIR = dirname(DEFAULT_RESULTS_DIR);

/**
 * `report [files or dirs]`: one offline HTML page with the latest result of every experiment found,
 * in catalogue order (`order`), then any others (user workloads) by name.
 */
export async function reportCommand(
  paths: readonly string[],
  args: LabArgs,
  streams: CliStreams,
  signal: AbortSignal,
  order: readonly string[] = [],
  now: Date = new Date(),
  explainable: readonly Pick<Experiment, 'name' | 'explain'>[] = [],
): Promise<void> {
  const outDir = args.out ?? DEFAULT_REPORT_DIR;
  const out = join(outDir, 'index.html');
  await checkOutputDir('--out', outDir);
  await checkOutputFile('--out', out);
  const inputs = paths.length > 0 ? paths : [DEFAULT_RESULTS_DIR];
  let files: string[];
  try {
    files = await findResultFiles(inputs);
  } catch (error) {
    if (paths.length === 0 && error instanceof ResultFileError) throw new UsageError(`no results yet under ${DEFAULT_RESULTS_DIR}: run an experiment first (npm run lab)`);
    throw error;
  }
  if (files.length === 0) throw new UsageError(`no results files (.json) under ${inputs.join(', ')}: run an experiment first (npm run lab)`);
  const latest = new Map<string, { result: SavedResult; file: string }>();
  for (const file of files) {
    const result = await readResult(file);
    const seen = latest.get(result.experiment);
    if (seen === undefined || seen.result.savedAt < result.savedAt) latest.set(result.experiment, { result, file });
  }
  const entries: ReportEntry[] = [];
  const pages: FileToWrite[] = [];
  const rank = (name: string): number => (order.includes(name) ? order.indexOf(name) : order.length);
  const ordered = [...latest.values()].sort((a, b) => rank(a.result.experiment) - rank(b.result.experiment) || a.result.experiment.localeCompare(b.result.experiment));
  const explainOf = (experiment: string): Experiment['explain'] => explainable.find((e) => e.name === experiment)?.explain;
  // Loaded only when a page is to be replayed, as main.ts loads it for --explain.
  const replay = ordered.some(({ result }) => explainOf(result.experiment) !== undefined) ? await import('./explain.ts') : undefined;
  for (const { result, file } of ordered) {
    const pictures = await Promise.all(
      result.pictures.map(async (p) => {
        // A picture is a plain file beside its result: no path into other directories, no FIFO or device.
        if (basename(p.file) !== p.file || p.file === '..' || p.file === '.') throw new ResultFileError(`${file}: its picture name ${JSON.stringify(p.file)} is not a plain file name`);
        const path = join(dirname(file), p.file);
        const info = await stat(path).catch(() => undefined);
        if (info === undefined) throw new ResultFileError(`${file}: its picture ${p.file} is missing`);
        if (!info.isFile()) throw new ResultFileError(`${file}: its picture ${p.file} is ${kindOf(info)}, not a regular file`);
        try {
          return { title: p.title, svg: await readFile(path, 'utf8') };
        } catch (error) {
          throw new ResultFileError(`${file}: its picture ${p.file} cannot be read (${fileFault(error)})`);
        }
      }),
    );
    const explain = explainOf(result.experiment);
    if (explain === undefined || replay === undefined) {
      entries.push({ result, file: relative(dirname(out), file), pictures });
      continue;
    }
    // The page replays a fresh run of the same workload (same seed, same quick) as the saved result.
    const stepsPage = `${result.experiment}-steps.html`;
    const context = replay.explainContext({ quick: result.settings.quick === true, seed: typeof result.settings.seed === 'number' ? result.settings.seed : DEFAULTS.seed }, signal);
    pages.push({ path: join(outDir, stepsPage), content: await replay.explainPageOf(result.experiment, explain(context), signal) });
    entries.push({ result, file: relative(dirname(out), file), pictures, stepsPage });
  }
  for (const page of pages) await writeFileAtomic(page.path, page.content);
  await writeFileAtomic(out, renderHtml(entries, now));
  const stepPages = pages.length === 0 ? '' : `; step-by-step page${pages.length === 1 ? '' : 's'}: ${pages.map((p) => p.path).join(', ')}`;
  streams.stdout.write(`report: ${out} (${entries.length} experiments, ${entries.reduce((n, e) => n + e.pictures.length, 0)} pictures)${stepPages}\n`);
}
