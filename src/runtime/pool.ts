import { Piscina } from 'piscina';
import { sharedNow } from '../scheduler/index.ts';
import { createBarrier } from './barrier.ts';
import { CALIBRATION_UNITS, middleCalibration } from './kernel-calibration.ts';
import { PlainPool } from './plain-pool.ts';
import type { PoolInfo } from './run-result.ts';
import { usableCores } from './cores.ts';
import { createMailbox } from './run-share.ts';
import { entryBeside, labExecArgv } from './entry-points.ts';
import type { PoolWorkerData, ReplyTo, WarmUpReply, WarmUpRequest, WorkerReply, WorkerRequest } from './worker-protocol.ts';

export interface PoolOptions {
  /** Worker threads (the CLI resolves `--threads`; see `usableCores` for a run on its own). */
  readonly threads: number;
  /** Kernel units each thread runs while warming up, so the timed run meets compiled code. */
  readonly warmUpUnits?: number;
  /** How long the warm-up waits for every thread to come up. */
  readonly warmUpTimeoutMs?: number;
  /** Heap limit of each worker thread; a worker that exceeds it is ended, not the lab. Default 1024 MB. */
  readonly maxHeapMb?: number;
}

/** Default heap limit per worker: ample for any workload, small enough that a runaway task ends quickly. */
export const DEFAULT_WORKER_HEAP_MB = 1024;

const workerFile = entryBeside(import.meta.url, 'parallel-worker').href;

/** Kernel units each thread runs when woken before a timed run (see `LabPool.wake`). */
export const WAKE_UNITS = 0;

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
  /** The plain reference pool of the same size, started on first use by the piscina mode. */
  private plain: Promise<PlainPool> | undefined;
  /** A plain pool of one thread: a lone worker, the like-for-like reference for the lab's own thread. */
  private lone: Promise<PlainPool> | undefined;
  /** Lent to one run at a time: the run's workload goes there, and its task messages are bare numbers. */
  private mailboxFree = true;

  private constructor(
    private piscina: Piscina<WorkerRequest, WorkerReply>,
    private currentInfo: PoolInfo,
    private readonly warmUpTimeoutMs: number,
    private readonly warmUpUnits: number,
    private readonly options: PoolOptions & { readonly mailbox: SharedArrayBuffer },
  ) {
    piscina.on('workerCreate', () => this.replaced++);
    piscina.on('error', ignoreLateReply);
  }

  get info(): PoolInfo {
    return this.currentInfo;
  }

  static async start(options: PoolOptions): Promise<LabPool> {
    const { threads } = options;
    const settings = { ...options, threads, mailbox: createMailbox() };
    const piscina = newPiscina(threads, settings);
    const timeoutMs = options.warmUpTimeoutMs ?? 30_000;
    const units = options.warmUpUnits ?? 2_000;
    try {
      return new LabPool(piscina, await warmUp(piscina, threads, timeoutMs, units), timeoutMs, units, settings);
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
   * Wakes every thread untimed, right before a timed run: one small task per thread at once, each held
   * at a barrier until all have theirs (so no thread is skipped), and the same on the plain reference
   * pool once it has started. A pool run timed right after a long one-thread run was once seen to pay
   * ~17 µs a task for threads that had idled through it; scripts/wake-penalty.ts measures that penalty
   * with and without this wake. True when every thread of both took part.
   */
  async wake(): Promise<boolean> {
    await this.ensureWarm();
    const [own, plain] = await Promise.all([
      rendezvous(this.piscina, this.threads, this.threads, this.warmUpTimeoutMs, WAKE_UNITS),
      this.plain?.then((p) => p.wake(WAKE_UNITS), () => true),
    ]);
    return own.every((r) => r.arrived) && new Set(own.map((r) => r.threadId)).size === this.threads && plain !== false;
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

  /**
   * Sends one request to a free worker and resolves to its reply. No abort signal per request:
   * Piscina's abortable path costs about 20 µs a task. A run is stopped as a whole instead (see `stopWorkers`).
   */
  send<Q extends WorkerRequest>(request: Q): Promise<ReplyTo<Q>> {
    return this.piscina.run(request) as Promise<ReplyTo<Q>>;
  }

  /** The pool's mailbox for one run, or undefined while another run has it (that run then sends its workload in its messages). */
  borrowMailbox(): SharedArrayBuffer | undefined {
    if (!this.mailboxFree) return undefined;
    this.mailboxFree = false;
    return this.options.mailbox;
  }

  returnMailbox(mailbox: SharedArrayBuffer | undefined): void {
    if (mailbox !== undefined) this.mailboxFree = true;
  }

  /**
   * Ends every worker thread now (a failed, timed-out or interrupted run may leave tasks running,
   * or hanging); Piscina starts new threads, and the next run warms them first (`ensureWarm`).
   */
  async stopWorkers(): Promise<void> {
    // A fresh pool rather than threads ended under Piscina's feet: its requests still queued or
    // running are rejected ("pool is closed"), and the next run warms the new threads first.
    const stopped = this.piscina;
    this.piscina = newPiscina(this.threads, this.options);
    this.piscina.on('workerCreate', () => this.replaced++);
    this.piscina.on('error', ignoreLateReply);
    this.replaced = Math.max(this.replaced, 1);
    await stopped.destroy().catch(() => undefined);
  }

  /** A plain warm Piscina pool with as many threads, for the `piscina` reference mode; started once, closed with this pool. */
  plainPool(): Promise<PlainPool> {
    this.plain ??= PlainPool.start(this.threads, this.warmUpUnits, this.warmUpTimeoutMs);
    return this.plain;
  }

  /** The kernel's cost per unit in each worker, µs, all of them timing a block at once (as in a parallel run); their median. */
  async kernelUsPerUnit(units = CALIBRATION_UNITS): Promise<number> {
    return middleCalibration((await rendezvous(this.piscina, this.threads, this.threads, this.warmUpTimeoutMs, units)).map((r) => r.kernelUsPerUnit ?? Number.NaN));
  }

  /** The kernel's cost per unit on a lone worker (a one-thread pool, nothing else running), µs. */
  async loneWorkerUsPerUnit(units = CALIBRATION_UNITS): Promise<number> {
    this.lone ??= PlainPool.start(1, this.warmUpUnits, this.warmUpTimeoutMs);
    return (await (await this.lone).kernelUsPerUnit(units))[0]!;
  }

  async close(): Promise<void> {
    const others = [this.plain, this.lone];
    this.plain = undefined;
    this.lone = undefined;
    await Promise.all([this.piscina.destroy(), ...others.map((p) => p?.then((pool) => pool.close(), () => undefined))]);
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

/** Runs `use` on the given pool, or on a pool of its own (one thread per usable core) that is started (warm) and closed around it. */
export async function onPool<T>(given: LabPool | undefined, use: (pool: LabPool) => Promise<T>): Promise<T> {
  return given === undefined ? withStartedPool({ threads: usableCores() }, use) : use(given);
}

/** Starts a warm pool with these settings, hands it to `use`, and closes it whatever happens. */
export async function withStartedPool<T>(settings: PoolOptions, use: (pool: LabPool) => Promise<T>): Promise<T> {
  const pool = await LabPool.start(settings);
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

function newPiscina(threads: number, options: PoolOptions & { readonly mailbox: SharedArrayBuffer }): Piscina<WorkerRequest, WorkerReply> {
  const workerData: PoolWorkerData = { mailbox: options.mailbox };
  return new Piscina<WorkerRequest, WorkerReply>({
    filename: workerFile,
    workerData,
    // --cpu-prof given to the lab reaches the workers too, so that they can be profiled.
    execArgv: labExecArgv(workerFile),
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: 1,
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? DEFAULT_WORKER_HEAP_MB },
  });
}
