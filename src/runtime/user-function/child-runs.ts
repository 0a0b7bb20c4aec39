import type { Piscina } from 'piscina';
import { cpuMsSince, cpuNow } from '../cpu-time.ts';
import { callToEnd, CallError, interleaveCalls, type FunctionKind, type UserFunction } from './call-user.ts';
import { cloneHash } from './clone-hash.ts';
import type { UserBatch, UserBatchReply } from './pool-worker.ts';
import { subjectLabel, type RanReply, type TrySubject } from './runner-protocol.ts';

/** A run that failed: the message names the input's index and the mode. */
export class RunFault extends Error {
  override name = 'RunFault';
}

/** The function called in a loop on this thread, each call to its end before the next; every call timed. */
export async function baselineRun(fn: UserFunction, kind: FunctionKind, inputs: readonly unknown[], check: boolean): Promise<RanReply> {
  const callMs: number[] = [];
  const results: unknown[] = [];
  const cpu = cpuNow();
  const start = performance.now();
  for (let i = 0; i < inputs.length; i++) {
    const callStart = performance.now();
    let result: unknown;
    try {
      result = callToEnd(fn, kind, inputs[i]);
      if (kind !== 'sync') result = await result;
    } catch (error) {
      throw new RunFault(`${new CallError(i, error).message} in baseline`);
    }
    callMs.push(performance.now() - callStart);
    if (check) results.push(result);
  }
  const wallMs = performance.now() - start;
  const cpuMs = cpuMsSince(cpu);
  return { type: 'ran', wallMs, cpuMs, callMs, ...(check && { hashes: results.map(cloneHash) }) };
}

/** Every call at once on this thread (async or generator functions), until all have ended or `timeoutMs` passes. */
export async function interleavedRun(fn: UserFunction, kind: FunctionKind, inputs: readonly unknown[], check: boolean, timeoutMs: number): Promise<RanReply> {
  let timer: NodeJS.Timeout | undefined;
  const cpu = cpuNow();
  const start = performance.now();
  let results: unknown[];
  try {
    const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new RunFault(`the interleaved calls did not all end within ${timeoutMs / 1000} s (--timeout)`)), timeoutMs)));
    results = await Promise.race([interleaveCalls(fn, kind, inputs), timedOut]);
  } catch (error) {
    throw error instanceof CallError ? new RunFault(`${error.message} in interleaved`) : error;
  } finally {
    clearTimeout(timer);
  }
  const wallMs = performance.now() - start;
  const cpuMs = cpuMsSince(cpu);
  return { type: 'ran', wallMs, cpuMs, ...(check && { hashes: results.map(cloneHash) }) };
}

/**
 * All inputs on the pool in tasks of `subject.batch` consecutive inputs, aborted after `timeoutMs`.
 * On the shared pool of the top thread count, at most `subject.threads` tasks are in flight, each
 * next one sent as one ends, so that no more than that many threads work; a dedicated pool (the A/A
 * twin) gets every task at once and queues them itself, as a plain pool of that size would.
 */
export async function poolRun(pool: Piscina<UserBatch, UserBatchReply>, subject: TrySubject, inputs: readonly unknown[], check: boolean, timeoutMs: number): Promise<RanReply> {
  const label = subjectLabel(subject);
  const batches: UserBatch[] = [];
  for (let first = 0; first < inputs.length; first += subject.batch) batches.push({ first, inputs: inputs.slice(first, first + subject.batch), check });
  const signal = AbortSignal.timeout(timeoutMs);
  const done = new Set<number>();
  const settled: PromiseSettledResult<UserBatchReply>[] = new Array(batches.length);
  const inFlight = subject.dedicated === true ? batches.length : Math.min(subject.threads, batches.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < batches.length) {
      const index = next++;
      const batch = batches[index]!;
      try {
        settled[index] = { status: 'fulfilled', value: await pool.run(batch, { signal }) };
        done.add(batch.first);
      } catch (reason) {
        settled[index] = { status: 'rejected', reason };
      }
    }
  };
  const cpu = cpuNow();
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, lane));
  const wallMs = performance.now() - start;
  const cpuMs = cpuMsSince(cpu);
  const hashes: string[] = [];
  let workerCallMs = 0;
  for (const [i, outcome] of settled.entries()) {
    const first = batches[i]!.first;
    const span = batches[i]!.inputs.length === 1 ? `input ${first}` : `inputs ${first}-${first + batches[i]!.inputs.length - 1}`;
    if (outcome.status === 'rejected') {
      if (signal.aborted && !done.has(first)) throw new RunFault(`${span} did not return within ${timeoutMs / 1000} s (--timeout) in ${label}`);
      const why = outcome.reason instanceof Error ? outcome.reason.message.split('\n')[0] : String(outcome.reason);
      // Piscina says "exited" for process.exit in the worker; any other reason is an error the thread did not catch.
      const hint = /exit/i.test(why ?? '') ? `${why}; process.exit in the function?` : `an error nothing caught, e.g. an unhandled rejection: ${why}`;
      throw new RunFault(`${span} ended ${batches[i]!.inputs.length === 1 ? 'its' : 'their'} worker thread in ${label} (${hint})`);
    }
    const reply = outcome.value;
    if ('failed' in reply) throw new RunFault(`${reply.failed.message} in ${label}`);
    if ('hashes' in reply) hashes.push(...reply.hashes);
    workerCallMs += reply.callMs;
  }
  return { type: 'ran', wallMs, cpuMs, workerCallMs, ...(check && { hashes }) };
}
