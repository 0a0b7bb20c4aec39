import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { balancedRounds } from '../../src/measure/balanced-order.ts';
import { entryBeside, labExecArgv, tsxLoader } from '../../src/runtime/entry-points.ts';
import { ProcessSlot } from '../../src/runtime/process-slot.ts';
import { ownProcessGroup, signalGroup } from '../../src/runtime/child-group.ts';
import { sharedNow } from '../../src/scheduler/index.ts';

// The least a thread or a process can do: a one-line file that says it is up.
const bareThread = new URL('./bare-thread.mjs', import.meta.url);
const bareProcess = fileURLToPath(new URL('./bare-process.mjs', import.meta.url));
// The lab's own thread: the worker code of its pools, loaded as Piscina loads it (compiled when the lab is).
const labThread = new URL('./lab-thread.mjs', import.meta.url);
const labWorkerCode = entryBeside(import.meta.url, '../../src/runtime/parallel-worker').href;
/** The heap limit the lab's processes get (`ProcessSlot`); the bare ones are started with it too. */
const PROCESS_HEAP_MB = 256;

/** What was started: Node alone, Node with the tsx loader, or the lab's own worker (its modules, compiled when the lab is). */
export const startKinds = ['bare', 'tsx', 'lab'] as const;
export type StartKind = (typeof startKinds)[number];
export type StartVessel = 'thread' | 'process';

/** Spawn-to-ready times, ms, of every batch of threads or processes started at once (until the last of the batch was ready), by vessel and kind. */
export type StartUpTimes = Readonly<Record<StartVessel, Readonly<Record<StartKind, readonly number[]>>>>;

/** A started thread or process: resolves its spawn-to-ready time; `end` ends it. */
interface Started {
  readonly ready: Promise<number>;
  end(): Promise<unknown>;
}

/** `new Worker` to its first message, every kind the same way: a file, and the flags the lab gives a worker of that file. */
function startThread(kind: StartKind): Started {
  const spawnedAt = sharedNow();
  const worker =
    kind === 'lab'
      ? new Worker(labThread, { workerData: { entry: labWorkerCode }, execArgv: labExecArgv(labWorkerCode) })
      : new Worker(bareThread, { execArgv: kind === 'tsx' ? ['--import', tsxLoader] : labExecArgv(bareThread) });
  const ready = new Promise<number>((resolve, reject) => {
    worker.once('message', () => resolve(sharedNow() - spawnedAt));
    worker.once('error', reject);
  });
  return { ready, end: () => worker.terminate() };
}

/** `fork` to its first message: the lab's own process as its pool starts one (`ProcessSlot`), the others forked with the same options. */
function startProcess(kind: StartKind): Started {
  if (kind === 'lab') {
    const slot = new ProcessSlot(PROCESS_HEAP_MB, 30_000);
    return { ready: slot.ready, end: () => slot.end() };
  }
  const spawnedAt = sharedNow();
  const heap = `--max-old-space-size=${PROCESS_HEAP_MB}`;
  // Its own process group, as the lab's children have, so both are started alike and neither outlives the lab.
  const child = fork(bareProcess, [], { execArgv: kind === 'tsx' ? ['--import', tsxLoader, heap] : labExecArgv(bareProcess, heap), serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'], ...ownProcessGroup });
  child.stderr?.resume();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ready = new Promise<number>((resolve, reject) => {
    child.once('message', () => resolve(sharedNow() - spawnedAt));
    child.once('error', reject);
    void exited.then(() => reject(new Error(`a bare Node process (${kind}) exited before it was ready`)));
  });
  ready.catch(() => undefined);
  return {
    ready,
    end: () => {
      signalGroup(child);
      return exited;
    },
  };
}

/** Every way of starting, one subject each: the order of `balancedRounds` runs them. */
const subjects = (['thread', 'process'] as const).flatMap((vessel) => startKinds.map((kind) => ({ vessel, kind })));

/**
 * Starts `count` threads or `count` processes of one kind at once (as a pool starts them), every
 * vessel and kind once a round, `rounds` times, in a balanced order (each way of starting follows
 * every other equally often over a block of rounds), and times each batch from spawn until its last
 * member's first message, on the shared clock. A lab worker against a bare one of the same vessel,
 * started the same way in the same round, is what the lab's own modules cost at start-up; the tsx
 * kind is what the loader costs (the lab's workers pay it only when the lab runs from its sources).
 * Everything started is ended before the next batch starts, and before this returns, whatever happens.
 */
export async function timeStartUps(count: number, rounds: number, signal?: AbortSignal): Promise<StartUpTimes> {
  const none = (): Record<StartKind, number[]> => ({ bare: [], tsx: [], lab: [] });
  const times: Record<StartVessel, Record<StartKind, number[]>> = { thread: none(), process: none() };
  const order = balancedRounds(subjects.length);
  for (let round = 0; round < rounds; round++) {
    for (const index of order[round % order.length]!) {
      const { vessel, kind } = subjects[index]!;
      signal?.throwIfAborted();
      const started = Array.from({ length: count }, () => (vessel === 'thread' ? startThread(kind) : startProcess(kind)));
      try {
        times[vessel][kind].push(Math.max(...(await Promise.all(started.map((s) => s.ready)))));
      } finally {
        await Promise.all(started.map((s) => s.end()));
      }
    }
  }
  return times;
}
