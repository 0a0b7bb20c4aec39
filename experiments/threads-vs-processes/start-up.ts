import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { LabPool } from '../../src/runtime/pool.ts';
import { ProcessSlot } from '../../src/runtime/process-slot.ts';
import { tsxLoader } from '../../src/runtime/entry-points.ts';
import { ownProcessGroup, signalGroup } from '../../src/runtime/child-group.ts';
import { sharedNow } from '../../src/scheduler/index.ts';

// The least a thread can do: say it is up (an ES module, as the processes' entry is).
const bareThread = new URL(`data:text/javascript,${encodeURIComponent("import { parentPort } from 'node:worker_threads'; parentPort.postMessage(0);")}`);
const bareProcess = 'process.send(0);';

/** What was started: Node alone, Node with the tsx loader, or the lab's own worker (loader and the lab's modules). */
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

function startThread(kind: 'bare' | 'tsx'): Started {
  const spawnedAt = sharedNow();
  const worker = new Worker(bareThread, { execArgv: kind === 'bare' ? [] : ['--import', tsxLoader] });
  const ready = new Promise<number>((resolve, reject) => {
    worker.once('message', () => resolve(sharedNow() - spawnedAt));
    worker.once('error', reject);
  });
  return { ready, end: () => worker.terminate() };
}

/**
 * The lab's own threads, started as the lab starts them: a Piscina pool of `count` tsx-loaded
 * workers, ready when each has loaded the worker code and all have met at a barrier.
 */
function startLabThreads(count: number): Started[] {
  const spawnedAt = sharedNow();
  const pool = LabPool.start({ threads: count, warmUpUnits: 0 });
  const ready = pool.then(() => sharedNow() - spawnedAt);
  return [{ ready, end: () => pool.then((p) => p.close(), () => undefined) }];
}

function startProcess(kind: StartKind): Started {
  if (kind === 'lab') {
    const slot = new ProcessSlot(256, 30_000);
    return { ready: slot.ready, end: () => slot.end() };
  }
  const spawnedAt = sharedNow();
  const child = spawn(process.execPath, [...(kind === 'tsx' ? ['--import', tsxLoader] : []), '--input-type=module', '-e', bareProcess], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], ...ownProcessGroup });
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

/**
 * Starts `count` threads, then `count` processes, of each kind at once (as a pool starts them),
 * `rounds` times, the kinds taking turns within each round, and times each batch from spawn until
 * its last member's first message, on the shared clock. Comparing the kinds splits a lab worker's
 * start-up into Node's own, the tsx loader's, and the lab's modules' (and, for threads, Piscina's).
 * Everything started is ended before the next batch starts, and before this returns, whatever happens.
 */
export async function timeStartUps(count: number, rounds: number, signal?: AbortSignal): Promise<StartUpTimes> {
  const none = (): Record<StartKind, number[]> => ({ bare: [], tsx: [], lab: [] });
  const times: Record<StartVessel, Record<StartKind, number[]>> = { thread: none(), process: none() };
  for (let round = 0; round < rounds; round++) {
    for (const vessel of ['thread', 'process'] as const) {
      for (const kind of startKinds) {
        signal?.throwIfAborted();
        const started = vessel === 'process' ? Array.from({ length: count }, () => startProcess(kind)) : kind === 'lab' ? startLabThreads(count) : Array.from({ length: count }, () => startThread(kind));
        try {
          times[vessel][kind].push(Math.max(...(await Promise.all(started.map((s) => s.ready)))));
        } finally {
          await Promise.all(started.map((s) => s.end()));
        }
      }
    }
  }
  return times;
}
