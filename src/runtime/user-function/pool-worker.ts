import { workerData } from 'piscina';
import { callToEnd, CallError, type FunctionKind, type UserFunction } from './call-user.ts';
import { cloneHash } from './clone-hash.ts';
import { importUserFunction } from './user-module.ts';

/** What every worker of a `try` pool is started with. */
export interface UserPoolData {
  readonly file: string;
  readonly kind: FunctionKind;
}

/** One task: consecutive inputs from `first`; `check` asks for hashes of the results (made here) instead of the results. */
export interface UserBatch {
  readonly first: number;
  readonly inputs: readonly unknown[];
  readonly check: boolean;
}

/** A task's reply: the results or their hashes with the time its calls took in this worker (ms, summed), or the first call that threw. */
export type UserBatchReply =
  | { readonly results: unknown[]; readonly callMs: number }
  | { readonly hashes: string[]; readonly callMs: number }
  | { readonly failed: { readonly index: number; readonly message: string } };

const data = workerData as UserPoolData;
// Imported on the first task, not at the top: a worker file with top-level await does not load under tsx.
let loaded: Promise<UserFunction> | undefined;
const userFunction = (): Promise<UserFunction> => (loaded ??= importUserFunction(data.file).then((m) => m.fn));
const prepared = new Map<number, unknown>();

/**
 * Calls the function on each input of the batch, one after the other, as a plain pool task would,
 * timing each call as the plain loop times its own: the sum, set against the loop's, is the
 * function's slowdown in a busy worker.
 */
export default async function runBatch(batch: UserBatch): Promise<UserBatchReply> {
  const fn = await userFunction();
  const results: unknown[] = [];
  let callMs = 0;
  for (let i = 0; i < batch.inputs.length; i++) {
    const start = performance.now();
    try {
      const result = callToEnd(fn, data.kind, batch.inputs[i]);
      results.push(data.kind === 'sync' ? result : await result);
    } catch (error) {
      return { failed: { index: batch.first + i, message: new CallError(batch.first + i, error).message } };
    }
    callMs += performance.now() - start;
  }
  return batch.check ? { hashes: results.map(cloneHash), callMs } : { results, callMs };
}

/** The empty call: its round trip is what a pool adds to every task. */
export async function empty(): Promise<null> {
  await userFunction();
  return null;
}

/** Receives a payload and answers nothing: the round trip less the empty call's is the cost of sending it. */
export function sink(_payload: unknown): null {
  return null;
}

/** Computes and keeps one input's result, so that `fetch` can time sending it back alone. */
export async function prepare(task: { readonly index: number; readonly input: unknown }): Promise<null> {
  const result = callToEnd(await userFunction(), data.kind, task.input);
  prepared.set(task.index, data.kind === 'sync' ? result : await result);
  return null;
}

/** Sends back a kept result: the round trip less the empty call's is the cost of receiving it. */
export function fetch(index: number): unknown {
  return prepared.get(index);
}
