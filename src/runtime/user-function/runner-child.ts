import { Piscina } from 'piscina';
import type { FunctionKind, UserFunction } from './call-user.ts';
import { baselineRun, interleavedRun, poolRun } from './child-runs.ts';
import { UserModuleError } from './errors.ts';
import { referenceCalls } from './reference-calls.ts';
import { describeFaultsWith, serveLab, whereabouts } from './runner-guard.ts';
import type { UserBatch, UserBatchReply, UserPoolData } from './pool-worker.ts';
import { subjectLabel, type RunnerReply, type RunnerRequest } from './runner-protocol.ts';
import { importUserFunction, userInputs } from './user-module.ts';
import { entryBeside } from '../entry-points.ts';
import { userExecArgv } from './user-exec-argv.ts';

// The child process of `try`: it holds the user's function, so that whatever the function does
// (exit, crash, loop forever) the lab's own process survives and can kill this one.

const workerFile = entryBeside(import.meta.url, 'pool-worker');

let file = '';
let fn: UserFunction = () => undefined;
let kind: FunctionKind = 'sync';
let inputs: readonly unknown[] = [];
const pools = new Map<number, Piscina<UserBatch, UserBatchReply>>();

async function handle(request: RunnerRequest): Promise<RunnerReply> {
  whereabouts.what = '';
  switch (request.type) {
    case 'load': {
      file = request.file;
      whereabouts.what = `loading ${file}`;
      const loaded = await importUserFunction(file);
      ({ fn, kind } = loaded);
      const read = await userInputs(file, loaded.module, request.inputs, request.limits);
      inputs = read.inputs;
      return { type: 'loaded', kind, inputs: inputs.length, inputBytes: read.bytes };
    }
    case 'checks': {
      const reply = await referenceCalls(fn, kind, inputs);
      if (reply.returnedPromise) kind = 'async';
      return reply;
    }
    case 'pools':
      for (const threads of request.threads) pools.set(threads, await startPool(threads));
      return { type: 'ready' };
    case 'run': {
      const { subject, check: checked, timeoutMs } = request;
      whereabouts.what = 'a run';
      whereabouts.mode = subjectLabel(subject);
      if (subject.mode === 'baseline') return baselineRun(fn, kind, inputs, checked);
      if (subject.mode === 'interleaved') return interleavedRun(fn, kind, inputs, checked, timeoutMs);
      return poolRun(pools.get(subject.dedicated === true ? subject.threads : Math.max(...pools.keys()))!, subject, inputs, checked, timeoutMs);
    }
    case 'costs':
      return costs(pools.get(request.threads)!, request.repeats);
  }
}

/** A plain Piscina pool of `threads` workers that have all imported the user's module. */
async function startPool(threads: number): Promise<Piscina<UserBatch, UserBatchReply>> {
  const workerData: UserPoolData = { file, kind };
  const pool = new Piscina<UserBatch, UserBatchReply>({
    filename: workerFile.href,
    execArgv: userExecArgv(workerFile, file),
    workerData,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 2 ** 31 - 1,
    concurrentTasksPerWorker: 1,
  });
  await Promise.all(Array.from({ length: threads * 4 }, () => pool.run(null as unknown as UserBatch, { name: 'empty' })));
  return pool;
}

/** Transfers are timed on at most this many inputs, spread evenly: the figures are medians over inputs, and timing every one of 100,000 would take minutes. */
const COST_SAMPLE = 64;

function sampledIndices(count: number, most: number): number[] {
  if (count <= most) return Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: most }, (_, i) => Math.floor((i * count) / most));
}

/** Empty-call round trips, then per input (of a sample) the round trips of sending it and of receiving its result (the lab subtracts the empty call). */
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
  for (const index of sampledIndices(inputs.length, COST_SAMPLE)) {
    const input = inputs[index];
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

describeFaultsWith((error) => ({
  type: 'fault',
  fault: error instanceof UserModuleError ? 'module' : 'run',
  message: error instanceof Error ? error.message : String(error),
}));
serveLab(handle);
