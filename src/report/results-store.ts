import { packageRoot, runsInstalled } from '../runtime/package-root.ts';
import { randomBytes } from 'node:crypto';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { writeFilesAsUnit } from './atomic-write.ts';
import { fileFault } from './file-fault.ts';
import { readJsonFile } from './read-json-file.ts';
import type { ExperimentResult } from './experiment-result.ts';
import { renderMarkdown } from './render-markdown.ts';
import { picturesOf } from './pictures.ts';
import { RESULT_SCHEMA, ResultFileError, validateSavedResult, type SavedPicture, type SavedResult } from './saved-result.ts';

/** Where runs are saved unless `--out` says otherwise (git-ignored). */
/** Where results go unless --out says: the checkout's results/runs, or ./results/runs where the lab runs as an installed command. */
export const DEFAULT_RESULTS_DIR = runsInstalled ? resolve('results', 'runs') : join(packageRoot, 'results', 'runs');

export interface SavedFiles {
  readonly json: string;
  readonly markdown: string;
  readonly pictures: readonly string[];
}

/**
 * Saves a result as `<dir>/<experiment>/<machine>-<time>-<random>.json`, with a markdown table and
 * its pictures (`<same name>.<picture>.svg`) beside it. The name is unique (milliseconds and a random
 * suffix), so runs saving at once never overwrite each other. The files are written as one unit, the
 * JSON last: a reader that finds the JSON finds everything it names, and a failed write or an abort
 * (`signal`) removes whatever was written.
 */
export async function saveResult(result: ExperimentResult, dir: string, argv: readonly string[], now: Date = new Date(), signal?: AbortSignal): Promise<SavedFiles> {
  const stamp = now.toISOString().replace(/:/g, '-');
  const name = `${result.machine.id}-${stamp}-${randomBytes(3).toString('hex')}`;
  const base = join(dir, result.experiment, name);
  const drawn = picturesOf(result).map((picture) => ({ ...picture, path: `${base}.${picture.suffix}` }));
  const pictures: SavedPicture[] = drawn.map((p) => ({ file: `${name}.${p.suffix}`, title: p.title }));
  const { runs: _runs, speedupCharts: _charts, lineCharts: _lines, ...data } = result;
  const saved: SavedResult = { schema: RESULT_SCHEMA, ...data, pictures, savedAt: now.toISOString(), argv: [...argv] };
  const files = { json: `${base}.json`, markdown: `${base}.md`, pictures: drawn.map((p) => p.path) };
  await writeFilesAsUnit(
    [
      { path: files.markdown, content: renderMarkdown(result) },
      ...drawn.map((p) => ({ path: p.path, content: p.svg })),
      { path: files.json, content: `${JSON.stringify(saved, null, 2)}\n` },
    ],
    signal,
  );
  return files;
}

/** Reads and validates one results file; a bad file is a `ResultFileError` naming it and its fault. */
export async function readResult(file: string): Promise<SavedResult> {
  return validateSavedResult(await readJsonFile(file), file);
}

/** Every `.json` results file named, or found (recursively) under a named directory, sorted. */
export async function findResultFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new ResultFileError(missing ? `${path}: no such file or directory` : `${path}: cannot be read (${fileFault(error)})`);
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path, { recursive: true })).filter((e) => e.endsWith('.json')).map((e) => join(path, e));
      for (const entry of entries) await refuseLinkOutOf(path, entry);
      found.push(...entries);
    } else {
      found.push(path);
    }
  }
  return [...new Set(found)].sort();
}

/**
 * A file found under a results directory that is a symbolic link leading out of it is refused: a
 * link planted among results must not make the lab read (and quote) a file elsewhere.
 */
async function refuseLinkOutOf(dir: string, file: string): Promise<void> {
  if ((await lstat(file).catch(() => undefined))?.isSymbolicLink() !== true) return;
  let target: string;
  try {
    target = await realpath(file);
  } catch (error) {
    throw new ResultFileError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'a symbolic link to nothing' : fileFault(error)})`);
  }
  const root = await realpath(dir);
  const inside = !relative(root, target).startsWith(`..${sep}`) && relative(root, target) !== '..';
  if (!inside) throw new ResultFileError(`${file}: is a symbolic link that leads out of ${dir}; results files are read only inside the directory named`);
}
