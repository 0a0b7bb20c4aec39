import type { ExperimentResult } from './experiment-result.ts';
import { rowFault } from './saved-row.ts';
import { ExitCode, LabError } from '../errors/lab-error.ts';

/**
 * Bumped whenever the saved shape or a field's meaning changes. Version 2 keeps every repeat
 * (`samples`) on timed rows. Version 3 changes meanings: a `…Met` fact needs the point estimate
 * and positive fits, crossovers are placed by verdicts, the USL's σ and κ come from a fit with λ
 * free, and `checksumsIdentical` is null where nothing was compared. Version 4: a result states
 * the CPU other programs used during the run (`foreignCpuCores`), and `try` files a result under
 * the module's path with its content hash, its break-even counting transfer and the slowdown in a
 * worker (null where threads cannot pay); threads-vs-processes times a start from `new Worker` or
 * `fork` to the first message, against bare ones, and the compiled lab pays no tsx at start-up.
 */
export const RESULT_SCHEMA = 'concurrency-lab.result/4';
/** The meanings of before version 4: still read and compared; the CPU of other programs was not measured. */
export const RESULT_SCHEMA_V3 = 'concurrency-lab.result/3';
/** Samples kept, the meanings of before version 3: still read and compared like version 3. */
export const RESULT_SCHEMA_V2 = 'concurrency-lab.result/2';
/** The first version, summaries only: still read, and compared by interval overlap. */
export const RESULT_SCHEMA_V1 = 'concurrency-lab.result/1';

/** A picture saved beside a result: its file name (in the same directory) and its title. */
export interface SavedPicture {
  readonly file: string;
  readonly title: string;
}

/** An experiment result as written to `results/`: the result plus what produced it and when. */
export interface SavedResult extends Omit<ExperimentResult, 'runs' | 'speedupCharts' | 'lineCharts'> {
  readonly schema: typeof RESULT_SCHEMA | typeof RESULT_SCHEMA_V3 | typeof RESULT_SCHEMA_V2 | typeof RESULT_SCHEMA_V1;
  readonly pictures: readonly SavedPicture[];
  readonly savedAt: string;
  /** The command-line arguments of the run, to repeat it. */
  readonly argv: readonly string[];
}

/** A results file that cannot be read; the message names the file and the exact fault. */
export class ResultFileError extends LabError {
  override name = 'ResultFileError';
  override readonly exitCode: number = ExitCode.badInput;
}

/** Checks a parsed results file and returns it typed, or throws a `ResultFileError` naming the fault. */
export function validateSavedResult(value: unknown, file: string): SavedResult {
  const fail = (fault: string): never => {
    throw new ResultFileError(`${file}: ${fault}`);
  };
  const object = (v: unknown, path: string): Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(`${path} must be an object`);
  const root = object(value, 'the file');
  if (root.schema !== RESULT_SCHEMA && root.schema !== RESULT_SCHEMA_V3 && root.schema !== RESULT_SCHEMA_V2 && root.schema !== RESULT_SCHEMA_V1) {
    fail(`schema is ${JSON.stringify(root.schema)?.slice(0, 60) ?? 'missing'}; this lab reads ${RESULT_SCHEMA}, ${RESULT_SCHEMA_V3}, ${RESULT_SCHEMA_V2} and ${RESULT_SCHEMA_V1}`);
  }
  for (const key of ['experiment', 'question', 'savedAt'] as const) if (typeof root[key] !== 'string') fail(`${key} must be a string`);
  const machine = object(root.machine, 'machine');
  for (const key of ['id', 'cpuModel', 'os', 'node', 'date'] as const) if (typeof machine[key] !== 'string') fail(`machine.${key} must be a string`);
  for (const key of ['logicalCores', 'availableParallelism', 'memoryGiB'] as const) {
    if (typeof machine[key] !== 'number') fail(`machine.${key} must be a number`);
  }
  for (const [key, v] of Object.entries(object(root.settings, 'settings'))) {
    if (!['string', 'number', 'boolean'].includes(typeof v)) fail(`settings.${key.slice(0, 40)} must be a string, number or boolean`);
  }
  // Absent before schema 4, and from a result assembled by hand: read as not measured.
  const foreign = root.foreignCpuCores;
  if (foreign !== undefined && foreign !== null && !(typeof foreign === 'number' && Number.isFinite(foreign) && foreign >= 0)) {
    fail(`foreignCpuCores must be a number >= 0 or null, got ${JSON.stringify(foreign)?.slice(0, 40) ?? String(foreign)}`);
  }
  object(root.facts, 'facts');
  if (!Array.isArray(root.rows)) fail('rows must be an array');
  (root.rows as unknown[]).forEach((row, i) => {
    const fault = rowFault(object(row, `rows[${i}]`), `rows[${i}]`, root.schema !== RESULT_SCHEMA_V1);
    if (fault !== undefined) fail(fault);
  });
  if (!Array.isArray(root.tables)) fail('tables must be an array');
  if (!Array.isArray(root.notes) || !root.notes.every((n) => typeof n === 'string')) fail('notes must be an array of strings');
  if (!Array.isArray(root.argv)) fail('argv must be an array');
  if (!Array.isArray(root.pictures)) fail('pictures must be an array');
  (root.pictures as unknown[]).forEach((p, i) => {
    const picture = object(p, `pictures[${i}]`);
    if (typeof picture.file !== 'string' || /[\\/]/.test(picture.file)) fail(`pictures[${i}].file must be a file name in the same directory`);
    if (typeof picture.title !== 'string') fail(`pictures[${i}].title must be a string`);
  });
  return value as SavedResult;
}
