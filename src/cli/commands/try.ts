import { DEFAULTS } from '../defaults.ts';
import { usableCores } from '../../runtime/cores.ts';
import { extname, resolve } from 'node:path';
import { transform, type TransformFailure } from 'esbuild';
import type { LabArgs } from '../args.ts';
import { readJsonFile, readRegularFile } from '../read-file.ts';
import type { CliStreams } from '../streams.ts';
import { UsageError } from '../../errors/usage-error.ts';
import { runExperiments } from './run-experiments.ts';
import { tryExperiment } from './try-experiment.ts';
import { tryMaxThreads } from './try-threads.ts';
import { moduleIdentity } from '../../runtime/user-function/module-identity.ts';
import { limitText, tryLimits, type TryLimits } from '../../runtime/user-function/input-limits.ts';
import { stat } from 'node:fs/promises';

const ACCEPTED = '.js, .mjs or .ts';

/** `try FILE`: checks the module and its inputs at the door, then measures it like any experiment. */
export async function tryCommand(rest: readonly string[], args: LabArgs, argv: readonly string[], streams: CliStreams, signal: AbortSignal): Promise<void> {
  if (rest.length !== 1) throw new UsageError(rest.length === 0 ? `try needs a FILE: a ${ACCEPTED} module whose default export is the function to measure` : `unexpected argument "${rest[1]}"; try takes one FILE`);
  const file = resolve(rest[0]!);
  const source = await readModule(rest[0]!, file);
  await checkSyntax(rest[0]!, file, source);
  const maxThreads = tryMaxThreads(args.maxThreads, usableCores(), streams.stderr);
  const limits = tryLimits(args.maxWork);
  const inputs = args.inputs === undefined ? undefined : await readInputs(args.inputs, limits);
  const identity = moduleIdentity(file, source, args.name);
  const experiment = tryExperiment({ file, identity, limits, ...(inputs !== undefined && { inputs }), maxThreads, batches: args.batches ?? DEFAULTS.batches, ...(args.warmups !== undefined && { warmups: args.warmups }) });
  await runExperiments([experiment], { ...args, timeoutMs: args.timeoutMs ?? DEFAULTS.tryTimeoutMs }, argv, streams, signal);
}

async function readModule(given: string, file: string): Promise<string> {
  if (!['.js', '.mjs', '.ts'].includes(extname(file))) throw new UsageError(`${given}: not a ${ACCEPTED} module`);
  return await readRegularFile({ path: file, named: given, give: `a ${ACCEPTED} file`, error: UsageError });
}

/** A syntax error found before anything runs, with its line and column. */
async function checkSyntax(given: string, file: string, source: string): Promise<void> {
  try {
    await transform(source, { loader: extname(file) === '.ts' ? 'ts' : 'js', format: 'esm', sourcefile: given, logLevel: 'silent' });
  } catch (error) {
    const first = (error as Partial<TransformFailure>).errors?.[0];
    if (first === undefined) throw error;
    const at = first.location === null || first.location === undefined ? '' : `:${first.location.line}:${first.location.column + 1}`;
    throw new UsageError(`${given}${at}: syntax error: ${first.text}`);
  }
}

/** `--inputs FILE.json`: a non-empty JSON array within the limits, checked before anything starts. */
async function readInputs(path: string, limits: TryLimits): Promise<unknown[]> {
  // JSON text is never much smaller than its clone bytes: a file far past the byte limit is refused unread.
  const size = (await stat(path).catch(() => undefined))?.size ?? 0;
  if (size > 2 * limits.maxInputBytes) throw new UsageError(`--inputs ${path}: the file holds ${Math.round(size / 2 ** 20).toLocaleString('en-US')} MiB; inputs are limited to ${limitText(limits.maxInputBytes, 'bytes')}`);
  const parsed = await readJsonFile({ path, named: `--inputs ${path}`, give: 'a JSON file', error: UsageError });
  if (!Array.isArray(parsed) || parsed.length === 0) throw new UsageError(`--inputs ${path}: must be a non-empty JSON array of inputs`);
  if (parsed.length > limits.maxInputs) throw new UsageError(`--inputs ${path}: inputs: ${parsed.length.toLocaleString('en-US')}, more than the limit of ${limitText(limits.maxInputs, 'inputs')}`);
  return parsed;
}
