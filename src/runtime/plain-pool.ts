import { Piscina } from 'piscina';
import { sharedNow } from '../scheduler/index.ts';
import { createBarrier } from './barrier.ts';
import type { KernelBatch, KernelTask, PlainWarmUp, PlainWarmUpReply } from './plain-worker.ts';
import type { PoolInfo } from './run-result.ts';
import { entryBeside, labExecArgv } from './entry-points.ts';

type PlainRequest = KernelTask | KernelBatch | PlainWarmUp;
type PlainReply = number | number[] | PlainWarmUpReply;

const workerFile = entryBeside(import.meta.url, 'plain-worker').href;

/**
 * A plain warm Piscina pool, the way a user would write one: a task is `{ units, seed }`, the
 * reply a checksum. The `piscina` mode runs on it, as the reference the lab's own traced
 * `parallel` path is measured against.
 */
export class PlainPool {
  private constructor(
    private readonly piscina: Piscina<PlainRequest, PlainReply>,
    readonly info: PoolInfo,
    private readonly timeoutMs: number,
  ) {}

  /** Starts `threads` workers and waits until every one has run the kernel and met the others at a barrier. */
  static async start(threads: number, warmUpUnits = 2_000, timeoutMs = 30_000): Promise<PlainPool> {
    const piscina = new Piscina<PlainRequest, PlainReply>({
      filename: workerFile,
      execArgv: labExecArgv(workerFile),
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: 1,
    });
    try {
      const started = sharedNow();
      const replies = await rendezvous(piscina, threads, timeoutMs, warmUpUnits);
      const warm = replies.every((r) => r.arrived) && new Set(replies.map((r) => r.threadId)).size === threads;
      return new PlainPool(piscina, { threads, warm, warmUpMs: sharedNow() - started }, timeoutMs);
    } catch (error) {
      await piscina.destroy();
      throw error;
    }
  }

  get threads(): number {
    return this.info.threads;
  }

  /** Runs `units` of the kernel from `seed` on a free worker; resolves to the kernel's result. */
  run(task: KernelTask): Promise<number> {
    return this.piscina.run(task) as Promise<number>;
  }

  /** Runs a batch of `count` kernel requests as one task on a free worker; resolves to one checksum per request. */
  runBatch(batch: KernelBatch): Promise<number[]> {
    return this.piscina.run(batch, { name: 'kernelBatch' }) as Promise<number[]>;
  }

  /** The kernel's cost per unit on each thread, µs, every thread timing `units` at once. */
  async kernelUsPerUnit(units: number): Promise<number[]> {
    return (await rendezvous(this.piscina, this.threads, this.timeoutMs, units)).map((r) => r.kernelUsPerUnit);
  }

  /** Wakes every thread untimed (see `LabPool.wake`): one task per thread at once, held at a barrier, each running `units` of the kernel. True when every thread took part. */
  async wake(units: number): Promise<boolean> {
    const replies = await rendezvous(this.piscina, this.threads, this.timeoutMs, units);
    return replies.every((r) => r.arrived) && new Set(replies.map((r) => r.threadId)).size === this.threads;
  }

  close(): Promise<void> {
    return this.piscina.destroy();
  }
}

/** One request per thread, each held at a barrier until all threads have one: every thread answers exactly once. */
async function rendezvous(piscina: Piscina<PlainRequest, PlainReply>, threads: number, timeoutMs: number, units: number): Promise<PlainWarmUpReply[]> {
  const request: PlainWarmUp = { barrier: createBarrier(), parties: threads, timeoutMs, units };
  return (await Promise.all(Array.from({ length: threads }, () => piscina.run(request, { name: 'warmUp' })))) as PlainWarmUpReply[];
}
