import type { BenchFile } from './bench-file.ts';
import { benchFileOfResult } from './bench-lab.ts';
import { looksLikeHyperfine, readHyperfine } from './bench-hyperfine.ts';
import { looksLikeMitata, readMitata } from './bench-mitata.ts';
import { looksLikeTinybench, readTinybench } from './bench-tinybench.ts';
import { readJsonFile } from './read-json-file.ts';
import { ResultFileError, validateSavedResult } from './saved-result.ts';

/**
 * Reads a results file of the lab, hyperfine (`--export-json`), tinybench 6 (its tasks' name and
 * result) or mitata 1 (`format: 'json'`), telling which wrote it by its shape; a file of none of
 * them, or a bad one, is a `ResultFileError` naming it and its fault.
 */
export async function readBenchFile(file: string): Promise<BenchFile> {
  const value = await readJsonFile(file);
  const schema = (value as { schema?: unknown } | null)?.schema;
  if (typeof schema === 'string' && schema.startsWith('concurrency-lab.result/')) return benchFileOfResult(validateSavedResult(value, file), file);
  if (looksLikeHyperfine(value)) return readHyperfine(value, file);
  if (looksLikeMitata(value)) return readMitata(value, file);
  if (looksLikeTinybench(value)) return readTinybench(value, file);
  throw new ResultFileError(
    `${file}: not a results file of the lab, hyperfine (--export-json), tinybench 6 (JSON of the tasks' name and result) or mitata 1 (format json)`,
  );
}
