/** A fault found in a saved row: its path inside the file and what is wrong. */
export type RowFault = string;

const positive = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v > 0;
const positiveInteger = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const shown = (v: unknown): string => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
};

/**
 * Checks a saved row that times a mode (one with `mode` and `medianMs`) as strictly as a workload
 * file: impossible figures (0 threads, a negative efficiency, a median of 0, a median outside its
 * own interval) and, from schema 2 on, a missing or malformed `samples` list. Other rows pass.
 */
export function rowFault(row: Record<string, unknown>, path: string, needsSamples: boolean): RowFault | undefined {
  if (!('mode' in row) || !('medianMs' in row)) return undefined;
  const bad = (key: string, what: string): string => `${path}.${key} must be ${what}, got ${shown(row[key])}`;
  for (const key of ['workload', 'mode'] as const) if (typeof row[key] !== 'string' || row[key] === '') return bad(key, 'a non-empty string');
  if (!positiveInteger(row.threads)) return bad('threads', 'a positive integer');
  if (row.repeats !== undefined && !positiveInteger(row.repeats)) return bad('repeats', 'a positive integer');
  for (const key of ['medianMs', 'speedup', 'efficiency'] as const) if (!positive(row[key])) return bad(key, 'a positive number');
  for (const key of ['minMs', 'maxMs', 'medianLowMs', 'medianHighMs'] as const) if (row[key] !== undefined && !positive(row[key])) return bad(key, 'a positive number');
  const median = row.medianMs as number;
  if (typeof row.minMs === 'number' && row.minMs > median) return bad('minMs', `at most the median ${median}`);
  if (typeof row.maxMs === 'number' && row.maxMs < median) return bad('maxMs', `at least the median ${median}`);
  if (row.speedupCi95 !== undefined && !(typeof row.speedupCi95 === 'number' && row.speedupCi95 >= 0)) return bad('speedupCi95', 'a number >= 0');
  if (row.disturbed !== undefined && row.disturbed !== true) return bad('disturbed', 'true when present');
  if (row.samples === undefined) return needsSamples ? `${path}.samples is missing: schema 2 keeps every repeat` : undefined;
  return samplesFault(row.samples, `${path}.samples`, row.repeats);
}

function samplesFault(samples: unknown, path: string, repeats: unknown): RowFault | undefined {
  if (!Array.isArray(samples) || samples.length === 0) return `${path} must be a non-empty array of { round, wallMs[, foreignCpuCores] }`;
  if (typeof repeats === 'number' && samples.length !== repeats) return `${path} has ${samples.length} samples but the row says ${repeats} repeats`;
  for (const [i, s] of samples.entries()) {
    const sample = typeof s === 'object' && s !== null ? (s as Record<string, unknown>) : {};
    if (!positiveInteger(sample.round)) return `${path}[${i}].round must be a positive integer, got ${shown(sample.round)}`;
    if (!positive(sample.wallMs)) return `${path}[${i}].wallMs must be a positive number, got ${shown(sample.wallMs)}`;
    const foreign = sample.foreignCpuCores;
    if (foreign !== undefined && !(typeof foreign === 'number' && Number.isFinite(foreign) && foreign >= 0)) return `${path}[${i}].foreignCpuCores must be a number >= 0 when present, got ${shown(foreign)}`;
  }
  return undefined;
}
