// The pools users choose between, each used as its documentation says, warm, with the same thread
// count. tinypool, workerpool and poolifier are dev dependencies: loaded here only, by dynamic
// import, and skipped with a note naming the install command where one is missing (the packed lab).
import { fileURLToPath } from 'node:url';
import { entryBeside, labExecArgv } from '../../src/runtime/entry-points.ts';
import { createBarrier } from '../../src/runtime/barrier.ts';
import { TimeoutError, withTimeout } from '../../src/runtime/with-timeout.ts';
import type { PlainPool } from '../../src/runtime/plain-pool.ts';
import type { KernelTask } from '../../src/runtime/plain-worker.ts';
import type { WakeTask } from './pool-task.ts';
import { timed } from './timed.ts';
import type { Way, WayName } from './way.ts';
import { workerStart } from './worker-start.ts';

const exportingBootstrap = new URL('./exporting-bootstrap.cjs', import.meta.url);
/** How long a woken thread waits at the barrier for the others. */
const WAKE_TIMEOUT_MS = 10_000;

/** A pool opened, or why it could not be. */
export type OpenedPool = { readonly state: 'open'; readonly way: Way } | { readonly state: 'missing'; readonly note: string };

/** What a pool adapter needs of a pool: run a kernel task, run a wake task, close. */
interface PoolCalls {
  kernel(task: KernelTask): Promise<number>;
  wake(task: WakeTask): Promise<number>;
  close(): Promise<unknown>;
}

/** How long a pool may take over a run of one size's tasks, and to close. */
const RUN_BOUND_MS = 120_000;
const CLOSE_BOUND_MS = 10_000;

/**
 * `work` within `ms`, or an error naming `what`: the timer also keeps the process alive, since a pool
 * may unref its idle threads, and a promise waiting on them with nothing else pending let Node end a
 * full run at exit code 13, unsettled, the result lost with no word (seen once in four).
 */
async function bounded<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  try {
    return await withTimeout(work, ms);
  } catch (error) {
    throw error instanceof TimeoutError ? new Error(`${what} did not end within ${ms / 1000} s`) : error;
  }
}

/** A way on a pool: every task sent at once (`Promise.all`), the pool's threads woken at a barrier before each run; each step bounded. */
function poolWay(name: WayName, threads: number, calls: PoolCalls): Way {
  return {
    name,
    threads,
    wake: async () => {
      const task: WakeTask = { barrier: createBarrier(), parties: threads, timeoutMs: WAKE_TIMEOUT_MS };
      await bounded(Promise.all(Array.from({ length: threads }, () => calls.wake(task))), WAKE_TIMEOUT_MS + 5_000, `waking ${name}'s threads`);
    },
    // The bound sits outside the timed region: every way's timing holds the hand-off alone.
    run: ({ tasks }) => bounded(timed(() => Promise.all(tasks.map((t) => calls.kernel(t)))), RUN_BOUND_MS, `a run on ${name}`),
    close: async () => {
      await bounded(calls.close(), CLOSE_BOUND_MS, `closing ${name}`);
    },
  };
}

/** The lab's plain Piscina pool (the `piscina` mode's), timed as the other pools are. */
export function piscinaWay(pool: PlainPool): Way {
  return { ...poolWay('piscina', pool.threads, { kernel: (t) => pool.run(t), wake: async () => 0, close: async () => undefined }), wake: async () => void (await pool.wake(1)) };
}

/** The dynamic import of a dev dependency, or undefined when it is not installed (any other failure of the import is thrown). */
export async function optional<M>(load: () => Promise<M>, name: string): Promise<M | undefined> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String((error as Error).message).includes(name)) return undefined;
    throw error;
  }
}

/** Resolves once every one of `workers` has ended (a Worker's threadId is -1 from its exit on), polling every 50 ms. */
async function threadsEnded(workers: readonly { readonly threadId: number }[]): Promise<void> {
  while (workers.some((w) => w.threadId !== -1)) await new Promise((resolve) => setTimeout(resolve, 50));
}

export function missing(name: string): OpenedPool {
  return { state: 'missing', note: `${name} is not installed, so its way was skipped: npm install -D ${name}` };
}

export async function openTinypool(threads: number): Promise<OpenedPool> {
  const module = await optional(() => import('tinypool'), 'tinypool');
  if (module === undefined) return missing('tinypool');
  // tinypool imports its task file as its worker starts, before tsx's hooks apply: a TypeScript one through a bootstrap that hands on its exports.
  const entry = entryBeside(import.meta.url, 'tinypool-worker');
  const typeScript = entry.href.endsWith('.ts');
  const filename = typeScript ? exportingBootstrap.href : entry.href;
  const pool = new module.Tinypool({ filename, minThreads: threads, maxThreads: threads, execArgv: labExecArgv(entry), ...(typeScript && { workerData: { entry: fileURLToPath(entry) } }) });
  return { state: 'open', way: poolWay('tinypool', threads, { kernel: (t) => pool.run(t), wake: (t) => pool.run(t, { name: 'wake' }), close: () => pool.destroy() }) };
}

export async function openWorkerpool(threads: number): Promise<OpenedPool> {
  const module = await optional(() => import('workerpool'), 'workerpool');
  if (module === undefined) return missing('workerpool');
  const start = workerStart(entryBeside(import.meta.url, 'workerpool-worker'));
  const pool = module.default.pool(fileURLToPath(start.script), {
    minWorkers: threads,
    maxWorkers: threads,
    workerType: 'thread',
    workerThreadOpts: { workerData: start.workerData, execArgv: start.execArgv },
  });
  return {
    state: 'open',
    way: poolWay('workerpool', threads, { kernel: (t) => pool.exec('kernel', [t]) as Promise<number>, wake: (t) => pool.exec('wake', [t]) as Promise<number>, close: async () => void (await pool.terminate()) }),
  };
}

export async function openPoolifier(threads: number): Promise<OpenedPool> {
  const module = await optional(() => import('poolifier'), 'poolifier');
  if (module === undefined) return missing('poolifier');
  const start = workerStart(entryBeside(import.meta.url, 'poolifier-worker'));
  const pool = new module.FixedThreadPool<KernelTask | WakeTask, number>(threads, fileURLToPath(start.script), {
    workerOptions: { workerData: start.workerData, execArgv: start.execArgv },
  });
  // poolifier's destroy can wait for an exit event its thread already sent (it ends itself on the kill
  // message): the pool counts as closed once every one of its threads has ended, whichever comes first.
  const closed = async (): Promise<void> => {
    const workers = pool.workerNodes.map((node) => node.worker as { readonly threadId: number });
    await Promise.race([pool.destroy(), threadsEnded(workers)]);
  };
  return { state: 'open', way: poolWay('poolifier', threads, { kernel: (t) => pool.execute(t), wake: (t) => pool.execute(t, 'wake'), close: closed }) };
}
