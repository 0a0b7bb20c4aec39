import { callToEnd, CallError, isThenable, type FunctionKind, type UserFunction } from './call-user.ts';
import { RunFault } from './child-runs.ts';
import { cloneBytes, cloneHash, uncloneablePart } from './clone-hash.ts';
import type { ReferenceReply } from './runner-protocol.ts';
import { whereabouts } from './runner-guard.ts';

/**
 * Every input called once, each awaited, its result hashed here: the reference every mode must match,
 * in one request for all inputs (a round trip each cost more than most calls). `whereabouts` names the
 * input in hand, for the note the process leaves if a call ends it.
 */
export async function referenceCalls(fn: UserFunction, kind: FunctionKind, inputs: readonly unknown[]): Promise<ReferenceReply> {
  const hashes: string[] = [];
  const resultBytes: number[] = [];
  const callMs: number[] = [];
  let returnedPromise = false;
  whereabouts.mode = 'baseline';
  for (let index = 0; index < inputs.length; index++) {
    whereabouts.what = `input ${index}`;
    const start = performance.now();
    let result: unknown;
    try {
      result = callToEnd(fn, kind, inputs[index]);
      if (isThenable(result)) {
        returnedPromise ||= kind === 'sync';
        result = await result;
      }
    } catch (error) {
      throw new RunFault(`${new CallError(index, error).message} in baseline`);
    }
    callMs.push(performance.now() - start);
    // A turn of the event loop: a rejection the call left unhandled is reported now, with this input's name.
    await new Promise(setImmediate);
    const part = uncloneablePart(result);
    if (part !== undefined) throw new RunFault(`input ${index}: the result cannot be sent back from a worker thread: it holds ${part}`);
    hashes.push(cloneHash(result));
    resultBytes.push(cloneBytes(result).length);
  }
  whereabouts.what = '';
  return { type: 'checked', hashes, returnedPromise, resultBytes, callMs };
}
