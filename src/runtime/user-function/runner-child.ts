import { Piscina } from 'piscina';
import { callToEnd, CallError, isThenable, type FunctionKind, type UserFunction } from './call-user.ts';
import { baselineRun, interleavedRun, poolRun, RunFault } from './child-runs.ts';
import { cloneBytes, cloneHash, uncloneablePart } from './clone-hash.ts';
import { UserModuleError } from './errors.ts';
import type { UserBatch, UserBatchReply, UserPoolData } from './pool-worker.ts';
import type { RunnerReply, RunnerRequest } from './runner-protocol.ts';
import { importUserFunction, userInputs } from './user-module.ts';
import { entryBeside, tsxLoader } from '../entry-points.ts';

// The child process of `try`: it holds the user's function, so that whatever the function does
// (exit, crash, loop forever) the lab's own process survives and can kill this one.

const hooks = new URL('./register-hooks.mjs', import.meta.url).href;
const workerFile = entryBeside(import.meta.url, 'pool-worker').href;

let file = '';
let fn: UserFunction = () => undefined;
let kind: FunctionKind = 'sync';
let inputs: readonly unknown[] = [];
const pools = new Map<number, Piscina<UserBatch, UserBatchReply>>();

async function handle(request: RunnerRequest): Promise<RunnerReply> {
  switch (request.type) {
    case 'load': {
      file = request.file;
      const loaded = await importUserFunction(file);
      ({ fn, kind } = loaded);
      inputs = await userInputs(file, loaded.module, request.inputs);
      return { type: 'loaded', kind, inputs: inputs.length, inputBytes: inputs.map((input) => cloneBytes(input).length) };
    }
    case 'check':
      return check(request.index);
    case 'pools':
      for (const threads of request.threads) pools.set(threads, await startPool(threads));
      return { type: 'ready' };
    case 'run': {
      const { subject, check: checked, timeoutMs } = request;
      if (subject.mode === 'baseline') return baselineRun(fn, kind, inputs, checked);
      if (subject.mode === 'interleaved') return interleavedRun(fn, kind, inputs, checked, timeoutMs);
      return poolRun(pools.get(subject.dedicated === true ? subject.threads : Math.max(...pools.keys()))!, subject, inputs, checked, timeoutMs);
    }
    case 'costs':
      return costs(pools.get(request.threads)!, request.repeats);
  }
}

/** One call on one input, awaited, its result hashed here: the reference every mode must match. */
async function check(index: number): Promise<RunnerReply> {
  const start = performance.now();
  let result: unknown;
  let returnedPromise = false;
  try {
    result = callToEnd(fn, kind, inputs[index]);
    if (isThenable(result)) {
      returnedPromise = kind === 'sync';
      result = await result;
    }
  } catch (error) {
    throw new RunFault(`${new CallError(index, error).message} in baseline`);
  }
  const callMs = performance.now() - start;
  if (returnedPromise) kind = 'async';
  const part = uncloneablePart(result);
  if (part !== undefined) throw new RunFault(`input ${index}: the result cannot be sent back from a worker thread: it holds ${part}`);
  return { type: 'checked', hash: cloneHash(result), returnedPromise, resultBytes: cloneBytes(result).length, callMs };
}

/** A plain Piscina pool of `threads` workers that have all imported the user's module. */
async function startPool(threads: number): Promise<Piscina<UserBatch, UserBatchReply>> {
  const workerData: UserPoolData = { file, kind };
  const pool = new Piscina<UserBatch, UserBatchReply>({
    filename: workerFile,
    execArgv: ['--import', tsxLoader, '--import', hooks],
    workerData,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 2 ** 31 - 1,
    concurrentTasksPerWorker: 1,
  });
  await Promise.all(Array.from({ length: threads * 4 }, () => pool.run(null as unknown as UserBatch, { name: 'empty' })));
  return pool;
}

/** Empty-call round trips, then per input the round trips of sending it and of receiving its result (the lab subtracts the empty call). */
async function costs(pool: Piscina<UserBatch, UserBatchReply>, repeats: number): Promise<RunnerReply> {
  const call = async (payload: unknown, name: string): Promise<number> => {
    const start = performance.now();
    await pool.run(payload as UserBatch, { name });
    return (performance.now() - start) * 1000;
  };
  const emptyUs: number[] = [];
  for (let i = 0; i < Math.max(20, repeats); i++) emptyUs.push(await call(null, 'empty'));
  const sendUs: number[][] = [];
  const receiveUs: number[][] = [];
  for (const [index, input] of inputs.entries()) {
    await pool.run({ index, input } as unknown as UserBatch, { name: 'prepare' });
    const send: number[] = [];
    const receive: number[] = [];
    for (let r = 0; r < repeats; r++) {
      send.push(await call(input, 'sink'));
      receive.push(await call(index, 'fetch'));
    }
    sendUs.push(send);
    receiveUs.push(receive);
  }
  return { type: 'costs', emptyUs: emptyUs.slice(5), sendUs, receiveUs };
}

process.on('message', (request: RunnerRequest) => {
  handle(request).then(
    (reply) => process.send!(reply),
    (error: unknown) => {
      const fault = error instanceof UserModuleError ? 'module' : 'run';
      const message = error instanceof Error ? error.message : String(error);
      process.send!({ type: 'fault', fault: error instanceof RunFault || fault === 'module' ? fault : 'run', message } satisfies RunnerReply);
    },
  );
});
