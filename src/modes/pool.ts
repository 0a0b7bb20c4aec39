import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { sharedNow } from '../scheduler/index.ts';
import { createBarrier } from './barrier.ts';
import type { PoolInfo } from './run-result.ts';
import type { BatchReply, BatchRequest, TaskReply, TaskRequest, WarmUpReply, WarmUpRequest, WorkerReply, WorkerRequest } from './worker-protocol.ts';
import { workloadSlice } from './workload-slice.ts';

export interface PoolOptions {
  /** Worker threads; default `os.availableParallelism()`. */
  readonly threads?: number;
  /** Kernel units each thread runs while warming up, so the timed run meets compiled code. */
  readonly warmUpUnits?: number;
  /** How long the warm-up waits for every thread to come up. */
  readonly warmUpTimeoutMs?: number;
  /** Heap limit of each worker thread; a worker that exceeds it is ended, not the lab. Default 1024 MB. */
  readonly maxHeapMb?: number;
}

/** Default heap limit per worker: ample for any workload, small enough that a runaway task ends quickly. */
export const DEFAULT_WORKER_HEAP_MB = 1024;

const workerFile = new URL('./parallel-worker.ts', import.meta.url).href;
// Workers are plain Node threads: they need tsx's loader to import the TypeScript worker.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

async function warmUp(piscina: Piscina<WorkerRequest, WorkerReply>, threads: number, timeoutMs: number, units: number): Promise<PoolInfo> {
  const started = sharedNow();
  const replies = await rendezvous(piscina, threads, threads, timeoutMs, units);
  const warm = replies.every((r) => r.arrived) && new Set(replies.map((r) => r.threadId)).size === threads;
  return { threads, warm, warmUpMs: sharedNow() - started };
}

function rendezvous(
  piscina: Piscina<WorkerRequest, WorkerReply>,
  requests: number,
  parties: number,
  timeoutMs: number,
  units: number,
): Promise<WarmUpReply[]> {
  const request: WarmUpRequest = { kind: 'warm-up', barrier: createBarrier(), parties, timeoutMs, units };
  return Promise.all(Array.from({ length: requests }, () => piscina.run(request) as Promise<WarmUpReply>));
}

/**
 * A Piscina pool of exactly `threads` workers, one task per worker at a time, warmed
 * before it is handed out: every thread has started, loaded the worker and run the kernel.
 */
export class LabPool {
  /** Threads Piscina started after the warm-up, to replace workers that died (exit, out of memory, aborted). */
  private replaced = 0;

  private constructor(
    private readonly piscina: Piscina<WorkerRequest, WorkerReply>,
    private currentInfo: PoolInfo,
    private readonly warmUpTimeoutMs: number,
    private readonly warmUpUnits: number,
  ) {
    piscina.on('workerCreate', () => this.replaced++);
    piscina.on('error', ignoreLateReply);
  }

  get info(): PoolInfo {
    return this.currentInfo;
  }

  static async start(options: PoolOptions = {}): Promise<LabPool> {
    const threads = options.threads ?? availableParallelism();
    const piscina = new Piscina<WorkerRequest, WorkerReply>({
      filename: workerFile,
      execArgv: ['--import', tsxLoader],
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? DEFAULT_WORKER_HEAP_MB },
    });
    const timeoutMs = options.warmUpTimeoutMs ?? 30_000;
    const units = options.warmUpUnits ?? 2_000;
    try {
      return new LabPool(piscina, await warmUp(piscina, threads, timeoutMs, units), timeoutMs, units);
    } catch (error) {
      await piscina.destroy();
      throw error;
    }
  }

  /**
   * Warms the pool again if a worker was replaced since the last warm-up (a task ended its
   * thread, or a failed run's other tasks were aborted), so no timed run meets a cold thread.
   */
  async ensureWarm(): Promise<void> {
    if (this.replaced === 0) return;
    this.replaced = 0;
    this.currentInfo = await warmUp(this.piscina, this.threads, this.warmUpTimeoutMs, this.warmUpUnits);
  }

  /**
   * Sends one barrier request per thread; each reply says whether its thread met `parties`
   * threads at the barrier within `timeoutMs`. With `parties` = threads, all arriving proves
   * that every thread ran at the same time.
   */
  rendezvous(parties: number, timeoutMs: number): Promise<WarmUpReply[]> {
    return rendezvous(this.piscina, this.threads, parties, timeoutMs, 0);
  }

  get threads(): number {
    return this.info.threads;
  }

  /** Runs one task on a free worker; the message carries only the specs that task needs. */
  runTask(request: TaskRequest, signal?: AbortSignal): Promise<TaskReply> {
    const sliced: TaskRequest = { ...request, workload: workloadSlice(request.workload, [request.task]) };
    return this.piscina.run(sliced, runOptions(signal)) as Promise<TaskReply>;
  }

  /** Runs a batch of tasks, interleaved, on one free worker; the message carries only the specs they need. */
  runBatch(request: BatchRequest, signal?: AbortSignal): Promise<BatchReply> {
    const sliced: BatchRequest = { ...request, workload: workloadSlice(request.workload, request.tasks) };
    return this.piscina.run(sliced, runOptions(signal)) as Promise<BatchReply>;
  }

  close(): Promise<void> {
    return this.piscina.destroy();
  }
}

/**
 * Piscina emits 'error' for a reply whose task it no longer knows. That happens when a task
 * fails: its error reply and the reply to the next task Piscina gave the same worker can come in
 * one batch of the worker's message port; the failure aborts the run between the two, so Piscina
 * destroys that worker and forgets its task, yet Node still hands over the second reply. Nobody
 * awaits it; with no listener, the event would be thrown and end the lab. Other errors still are.
 */
function ignoreLateReply(error: unknown): void {
  if (error instanceof Error && error.message.startsWith('Unexpected message from Worker')) return;
  throw error;
}

function runOptions(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal === undefined ? {} : { signal };
}

/** Runs `use` on the given pool, or on a pool of its own that is started (warm) and closed around it. */
export async function onPool<T>(given: LabPool | undefined, options: PoolOptions, use: (pool: LabPool) => Promise<T>): Promise<T> {
  const pool = given ?? (await LabPool.start(options));
  try {
    return await use(pool);
  } finally {
    if (given === undefined) await pool.close();
  }
}
