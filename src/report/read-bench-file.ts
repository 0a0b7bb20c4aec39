import type { BenchFile } from './bench-file.ts';
import { benchFileOfResult } from './bench-lab.ts';
import { looksLikeHyperfine, readHyperfine } from './bench-hyperfine.ts';
import { looksLikeMitata, readMitata } from './bench-mitata.ts';
import { looksLikeTinybench, readTinybench } from './bench-tinybench.ts';
import { readJsonFile } from './read-json-file.ts';
import { ResultFileError, validateSavedResult, type SavedResult } from './saved-result.ts';

/**
 * Reads a results file of the lab, hyperfine (`--export-json`), tinybench 6 (its tasks' name and
 * result) or mitata 1 (`format: 'json'`), telling which wrote it by its shape; a file of none of
 * them, or a bad one, is a `ResultFileError` naming it and its fault.
 */
export async function readBenchFile(file: string): Promise<BenchFile> {
  const value = await readJsonFile(file);
  if (isLabResult(value)) return benchFileOfResult(validateSavedResult(value, file), file);
  if (looksLikeHyperfine(value)) return readHyperfine(value, file);
  if (looksLikeMitata(value)) return readMitata(value, file);
  if (looksLikeTinybench(value)) return readTinybench(value, file);
  throw new ResultFileError(
    `${file}: not a results file of the lab, hyperfine (--export-json), tinybench 6 (JSON of the tasks' name and result) or mitata 1 (format json)`,
  );
}

/** The lab's own results file, for the table across machines: another tool's file is named as such, since it compares only as a side. */
export async function readLabResult(file: string): Promise<SavedResult> {
  const value = await readJsonFile(file);
  if (!isLabResult(value)) {
    const tool = looksLikeHyperfine(value) ? 'hyperfine' : looksLikeMitata(value) ? 'mitata' : looksLikeTinybench(value) ? 'tinybench' : undefined;
    if (tool !== undefined) throw new ResultFileError(`${file}: ${tool} results compare as one of two sides (compare OLD NEW); the table across machines reads the lab's results only`);
  }
  return validateSavedResult(value, file);
}

function isLabResult(value: unknown): boolean {
  const schema = (value as { schema?: unknown } | null)?.schema;
  return typeof schema === 'string' && schema.startsWith('concurrency-lab.result/');
}
