import { Scheduler, type Task } from '../../scheduler/index.ts';

/** How a user's function runs: to the end at once, to a settled promise, or as a generator under the lab's scheduler. */
export type FunctionKind = 'sync' | 'async' | 'generator';

/** A user's default export, as the lab calls it: one input, one result (or a promise or generator of one). */
export type UserFunction = (input: unknown) => unknown;

/** The kind a function declares by its syntax; a plain function that returns promises is found `async` by its first call. */
export function declaredKind(fn: UserFunction): FunctionKind | 'async-generator' {
  const name = Object.getPrototypeOf(fn)?.constructor?.name as string | undefined;
  if (name === 'AsyncGeneratorFunction') return 'async-generator';
  if (name === 'GeneratorFunction') return 'generator';
  return name === 'AsyncFunction' ? 'async' : 'sync';
}

/** True for a promise or any thenable. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Runs one generator under its own scheduler to its end, and resolves to what it returned. */
export async function runGenerator(task: Task): Promise<unknown> {
  const scheduler = new Scheduler();
  const handle = scheduler.spawn('call', task);
  await scheduler.run();
  const outcome = handle.outcome;
  if (outcome?.state === 'done') return outcome.value;
  throw outcome?.state === 'failed' ? (outcome.error.cause ?? outcome.error) : new Error('the generator was cancelled');
}

/** One call to its end: a sync result as it is, a promise awaited, a generator run by the scheduler. */
export function callToEnd(fn: UserFunction, kind: FunctionKind, input: unknown): unknown {
  const returned = fn(input);
  if (kind === 'generator') return runGenerator(returned as Task);
  return returned;
}

/**
 * Every input's call at once on this thread, interleaved: promises settle in any order, generators
 * take turns under one scheduler. Resolves to the results in input order; rejects with the failing input's index.
 */
export async function interleaveCalls(fn: UserFunction, kind: FunctionKind, inputs: readonly unknown[]): Promise<unknown[]> {
  if (kind !== 'generator') {
    return Promise.all(inputs.map((input, index) => Promise.resolve().then(() => fn(input)).catch((error: unknown) => Promise.reject(new CallError(index, error)))));
  }
  const scheduler = new Scheduler();
  const handles = inputs.map((input, index) => scheduler.spawn(`input ${index}`, fn(input) as Task));
  await scheduler.run();
  return handles.map((handle, index) => {
    const outcome = handle.outcome;
    if (outcome?.state === 'done') return outcome.value;
    throw new CallError(index, outcome?.state === 'failed' ? (outcome.error.cause ?? outcome.error) : new Error('cancelled'));
  });
}

/** A call that threw, with the index of its input. */
export class CallError extends Error {
  override name = 'CallError';
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(`input ${index} ${describeThrown(cause)}`, { cause });
  }
}

/**
 * "threw Error: boom", for any thrown value, even one built to break a reader: a `message` or `name`
 * getter that throws, a `toString` that throws, a revoked Proxy. Never throws itself.
 */
export function describeThrown(error: unknown): string {
  const read = (get: () => unknown): { ok: true; value: unknown } | { ok: false } => {
    try {
      return { ok: true, value: get() };
    } catch {
      return { ok: false };
    }
  };
  const text = (value: unknown): string | undefined => {
    const made = read(() => String(value));
    return made.ok ? (made.value as string).split('\n')[0] : undefined;
  };
  const isError = read(() => error instanceof Error);
  const hasMessage = read(() => typeof error === 'object' && error !== null && 'message' in error);
  if ((isError.ok && isError.value === true) || (hasMessage.ok && hasMessage.value === true)) {
    const message = read(() => (error as { message: unknown }).message);
    const name = isError.ok && isError.value === true ? read(() => (error as Error).name) : { ok: true as const, value: undefined };
    const said = message.ok ? text(message.value) : undefined;
    const named = name.ok && name.value !== undefined ? text(name.value) : undefined;
    if (said === undefined) return `threw ${named ?? 'an object'} whose message cannot be read (its message getter threw)`;
    return `threw ${named === undefined ? '' : `${named}: `}${said}`;
  }
  if (!hasMessage.ok || !isError.ok) return 'threw a value that cannot be inspected (a revoked Proxy?)';
  return `threw ${text(error) ?? 'a value that cannot be turned into text'}`;
}
