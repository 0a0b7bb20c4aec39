import { pathToFileURL } from 'node:url';
import { describeValue } from '../../workload/describe-value.ts';
import { declaredKind, describeThrown, type FunctionKind, type UserFunction } from './call-user.ts';
import { cloneBytes, uncloneablePart } from './clone-hash.ts';
import { limitText, type TryLimits } from './input-limits.ts';
import { provideEffects } from './effects-host.ts';
import { UserModuleError } from './errors.ts';

/** A user's module, loaded and checked: its default function, how it runs, and the inputs to call it on. */
export interface UserModule {
  readonly fn: UserFunction;
  readonly kind: FunctionKind;
  readonly inputs: readonly unknown[];
}

/** Imports the module at `path` and checks its default export; the module's side effects run here, in this thread. */
export async function importUserFunction(path: string): Promise<{ fn: UserFunction; kind: FunctionKind; module: Record<string, unknown> }> {
  let module: Record<string, unknown>;
  provideEffects();
  try {
    module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new UserModuleError(`${path}: cannot be loaded: ${loadFault(error)}`);
  }
  const fn = module.default;
  if (!('default' in module) || fn === undefined) throw new UserModuleError(`${path}: has no default export; export the function to measure: export default function (input) { ... }`);
  if (typeof fn !== 'function') throw new UserModuleError(`${path}: its default export is ${describeValue(fn)}, not a function; export default function (input) { ... }`);
  const kind = declaredKind(fn as UserFunction);
  if (kind === 'async-generator') throw new UserModuleError(`${path}: its default export is an async generator; give a plain, async or generator function`);
  return { fn: fn as UserFunction, kind, module };
}

/** The inputs, checked, with each one's structured-clone bytes. */
export interface ReadInputs {
  readonly inputs: unknown[];
  readonly bytes: number[];
}

/**
 * The inputs: `given` (from `--inputs FILE.json`) when present, else the module's `inputs` export
 * (an array, or a function returning an array or an iterable). Each must survive a structured clone.
 * An iterable is read one past `limits.maxInputs` at most, so an endless generator is refused, not
 * run out of memory; the clone bytes of all inputs are held to `limits.maxInputBytes`.
 */
export async function userInputs(path: string, module: Record<string, unknown>, given: readonly unknown[] | undefined, limits: TryLimits): Promise<ReadInputs> {
  let source: Iterable<unknown>;
  if (given !== undefined) source = given;
  else {
    const exported = module.inputs;
    if (exported === undefined) throw new UserModuleError(`${path}: has no inputs: export inputs (an array, or a function returning one), or give --inputs FILE.json`);
    let value: unknown;
    try {
      value = typeof exported === 'function' ? await (exported as () => unknown)() : exported;
    } catch (error) {
      throw new UserModuleError(`${path}: inputs() ${describeThrown(error)}`);
    }
    if (value === undefined || value === null || (typeof value !== 'object' && typeof value !== 'function') || !(Symbol.iterator in (value as object))) {
      throw new UserModuleError(`${path}: inputs ${typeof exported === 'function' ? 'returned' : 'is'} ${describeValue(value)}; it must be an array or an iterable of inputs`);
    }
    source = value as Iterable<unknown>;
  }
  const inputs: unknown[] = [];
  const bytes: number[] = [];
  let total = 0;
  const tooMany = (): UserModuleError => new UserModuleError(`${path}: inputs: more than the limit of ${limitText(limits.maxInputs, 'inputs')}`);
  if (Array.isArray(source) && source.length > limits.maxInputs) throw tooMany();
  try {
    for (const input of source) {
      if (inputs.length === limits.maxInputs) throw tooMany();
      const part = uncloneablePart(input);
      if (part !== undefined) throw new UserModuleError(`${path}: input ${inputs.length} cannot be sent to a worker thread: it holds ${part} (inputs must survive a structured clone)`);
      const size = cloneBytes(input).length;
      total += size;
      if (total > limits.maxInputBytes) throw new UserModuleError(`${path}: inputs: the first ${inputs.length + 1} take more than the limit of ${limitText(limits.maxInputBytes, 'bytes')}`);
      inputs.push(input);
      bytes.push(size);
    }
  } catch (error) {
    if (error instanceof UserModuleError) throw error;
    throw new UserModuleError(`${path}: iterating its inputs ${describeThrown(error)}`);
  }
  if (inputs.length === 0) throw new UserModuleError(`${path}: the inputs are empty; give at least one input`);
  return { inputs, bytes };
}

function loadFault(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const first = error.message.split('\n').find((line) => line.trim() !== '') ?? error.name;
  return `${error.name === 'Error' ? '' : `${error.name}: `}${first}`;
}
