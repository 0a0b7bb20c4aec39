import { sharedNow } from '../scheduler/index.ts';
import { LabError } from '../errors/lab-error.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { CALIBRATION_UNITS, middleCalibration } from './kernel-calibration.ts';
import { DEFAULT_WORKER_HEAP_MB } from './pool.ts';
import type { ProcessMessage, ProcessTaskReply } from './process-protocol.ts';
import { ProcessExitedError, ProcessSlot } from './process-slot.ts';
import type { PoolInfo } from './run-result.ts';

export interface ProcessPoolOptions {
  /** Forked processes (the CLI resolves `--processes`). */
  readonly processes: number;
  /** Kernel units each process runs while warming up, so the timed run meets compiled code. */
  readonly warmUpUnits?: number;
  /** How long a process may take to come up. */
  readonly warmUpTimeoutMs?: number;
  /** Heap limit of each process (`--max-old-space-size`); default as for worker threads. */
  readonly maxHeapMb?: number;
}

/** A task of one run, for `ProcessPool.runTask`: the pool sends the workload to each process once per run. */
export interface ProcessTask {
  readonly run: number;
  readonly workload: WorkloadSpec;
  readonly task: number;
  readonly steps: boolean;
}

/** A task's process ended under it (`process.exit`, out of memory, killed): the task is named; the pool's other processes live on. */
export class ProcessLostError extends LabError {
  override name = 'ProcessLostError';
  constructor(
    readonly task: string,
    override readonly cause: ProcessExitedError,
  ) {
    super(`task "${task}" ended its process: ${cause.message}; the pool's other processes live on`, { cause });
  }
}

interface Queued {
  readonly task: ProcessTask;
  resolve(reply: ProcessTaskReply): void;
  reject(error: unknown): void;
}

/**
 * Warm forked Node processes, one task per process at a time: the `processes` mode's pool, as
 * `LabPool` is the worker threads'. A process that dies is replaced at once, and the next run
 * warms the newcomer first (`ensureWarm`), so no timed run meets a cold process.
 */
export class ProcessPool {
  private readonly slots: ProcessSlot[];
  private readonly queue: Queued[] = [];
  /** Which runs each process already has the workload of. */
  private readonly known = new WeakMap<ProcessSlot, Set<number>>();
  private replaced = 0;
  private closed = false;

  private constructor(
    private readonly options: Required<ProcessPoolOptions>,
    private currentInfo: PoolInfo,
    slots: ProcessSlot[],
  ) {
    this.slots = slots;
    for (const slot of slots) this.watch(slot);
  }

  /** Forks `processes` processes and waits until every one is ready and has run the kernel. */
  static async start(options: ProcessPoolOptions): Promise<ProcessPool> {
    const settings: Required<ProcessPoolOptions> = {
      processes: options.processes,
      warmUpUnits: options.warmUpUnits ?? 2_000,
      warmUpTimeoutMs: options.warmUpTimeoutMs ?? 30_000,
      maxHeapMb: options.maxHeapMb ?? DEFAULT_WORKER_HEAP_MB,
    };
    const started = sharedNow();
    const slots = Array.from({ length: settings.processes }, () => new ProcessSlot(settings.maxHeapMb, settings.warmUpTimeoutMs));
    const pool = new ProcessPool(settings, { threads: settings.processes, warm: false, warmUpMs: 0 }, slots);
    try {
      await pool.warmUp(started);
      return pool;
    } catch (error) {
      await pool.close();
      throw error;
    }
  }

  get info(): PoolInfo {
    return this.currentInfo;
  }

  /** Processes in the pool (named `threads` so that a run reports it where the thread pools report theirs). */
  get threads(): number {
    return this.slots.length;
  }

  /** The process ids now in the pool. */
  get pids(): number[] {
    return this.slots.map((s) => s.pid);
  }

  /** Warms the pool again if a process was replaced since the last warm-up. */
  async ensureWarm(): Promise<void> {
    if (this.replaced === 0) return;
    this.replaced = 0;
    await this.warmUp(sharedNow());
  }

  /** Runs one task on a free process (queued until one is free); the process gets the run's workload with its first task of the run. */
  runTask(task: ProcessTask): Promise<ProcessTaskReply> {
    if (this.closed) return Promise.reject(new ProcessExitedError('the process pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every process now (a failed, timed-out or interrupted run), fails what was queued, and forks fresh ones; the next run warms them first. */
  async stopWorkers(): Promise<void> {
    const stopped = this.slots.splice(0, this.slots.length);
    for (const queued of this.queue.splice(0)) queued.reject(new ProcessExitedError('the run was stopped before this task started'));
    await Promise.all(stopped.map((s) => s.kill()));
    if (this.closed) return;
    for (let i = 0; i < stopped.length; i++) this.add();
  }

  /** The kernel's cost per unit in each process, all of them timing a block at once, µs; their median. */
  async kernelUsPerUnit(units = CALIBRATION_UNITS): Promise<number> {
    return middleCalibration(await this.calibrate(units));
  }

  /** Ends every process and waits until each has exited; safe to call twice. */
  async close(): Promise<void> {
    this.closed = true;
    for (const queued of this.queue.splice(0)) queued.reject(new ProcessExitedError('the process pool was closed'));
    await Promise.all(this.slots.map((s) => s.end()));
  }

  private async warmUp(started: number): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
    const calibrations = await this.calibrate(this.options.warmUpUnits);
    this.currentInfo = { threads: this.slots.length, warm: calibrations.every((us) => us > 0), warmUpMs: sharedNow() - started };
  }

  /** Every process times `units` kernel units at the same moment; called between runs, when every process is free. */
  private calibrate(units: number): Promise<number[]> {
    return Promise.all(
      this.slots.map(async (slot) => {
        await slot.ready;
        const answer = await slot.call({ kind: 'calibrate', units });
        return answer.kind === 'calibrated' ? answer.usPerUnit : Number.NaN;
      }),
    );
  }

  private add(): void {
    const slot = new ProcessSlot(this.options.maxHeapMb, this.options.warmUpTimeoutMs);
    this.slots.push(slot);
    this.watch(slot);
    this.replaced++;
  }

  /** A process that dies unasked is replaced at once; the run that was using it has its request rejected by the slot. */
  private watch(slot: ProcessSlot): void {
    void slot.exited.then(() => {
      const at = this.slots.indexOf(slot);
      if (at < 0 || this.closed) return;
      this.slots.splice(at, 1);
      this.add();
    });
    void slot.ready.then(
      () => this.dispatch(),
      () => undefined,
    );
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.free) continue;
      const queued = this.queue.shift()!;
      void this.runOn(slot, queued);
    }
  }

  private async runOn(slot: ProcessSlot, { task, resolve, reject }: Queued): Promise<void> {
    const known = this.known.get(slot) ?? new Set<number>();
    this.known.set(slot, known);
    const first = !known.has(task.run);
    known.add(task.run);
    let answer: ProcessMessage;
    try {
      answer = await slot.call({ kind: 'task', run: task.run, task: task.task, steps: task.steps, ...(first && { workload: task.workload }) });
    } catch (error) {
      const name = task.workload.tasks[task.task]?.name ?? `number ${task.task}`;
      reject(error instanceof ProcessExitedError ? new ProcessLostError(name, error) : error);
      this.dispatch();
      return;
    }
    if (answer.kind === 'task') resolve(answer);
    else reject(answer.kind === 'failed' ? answer.error : new Error(`process ${slot.pid} answered a task with "${answer.kind}"`));
    this.dispatch();
  }
}
