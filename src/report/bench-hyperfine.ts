import type { BenchFile, BenchRow } from './bench-file.ts';
import { checker } from './bench-checks.ts';

/** Whether a parsed file has hyperfine's `--export-json` shape: `{ results: [{ command, ... }] }`. */
export function looksLikeHyperfine(value: unknown): boolean {
  const results = (value as { results?: unknown } | null)?.results;
  return Array.isArray(results) && results.some((r) => typeof (r as { command?: unknown } | null)?.command === 'string');
}

/** hyperfine's `--export-json`: one row per command (its name), times in seconds, every run's time under `times`. */
export function readHyperfine(value: unknown, file: string): BenchFile {
  const check = checker(file, 'hyperfine --export-json');
  const results = check.array(check.object(value, 'the file').results, 'results');
  const rows = results.map((r, i): BenchRow => {
    const result = check.object(r, `results[${i}]`);
    const command = check.nonEmptyString(result.command, `results[${i}].command`);
    const median = check.positive(result.median, `results[${i}].median`);
    const times = check.samples(result.times, `results[${i}].times`);
    return { fields: [['name', command]], medianMs: median * 1000, ...(times !== undefined && { samplesMs: times.map((t) => t * 1000) }) };
  });
  return { file, tool: 'hyperfine', identity: 'hyperfine', settings: {}, rows };
}
