import type { PlainPool } from '../../src/runtime/plain-pool.ts';
import { cpuKernel } from '../../src/workload/cpu-kernel.ts';
import { BatchedWay, type BatchPolicy } from './batched-way.ts';
import type { ExpensiveWay, Respond } from './expensive-way-contract.ts';
import { InterleavedWay } from './interleaved-way.ts';

/** The four ways the server can serve its expensive route. */
export const expensiveWays = ['inline', 'interleaved', 'offloaded', 'batched'] as const;
export type ExpensiveWayName = (typeof expensiveWays)[number];

/** What every way needs to know to do one request's work. */
export interface WorkSettings {
  /** Kernel units per expensive request. */
  readonly units: number;
  readonly seed: number;
  /** Kernel units between two yields of the interleaved way. */
  readonly partUnits: number;
  readonly batch: BatchPolicy;
}

/** The work on the main thread, to completion: every other request waits. */
class InlineWay implements ExpensiveWay {
  readonly poolTasks = 0;
  constructor(private readonly work: WorkSettings) {}
  handle(respond: Respond): void {
    respond(cpuKernel(this.work.units, this.work.seed));
  }
  async close(): Promise<void> {}
}

/** One pool task per request; the main thread only hands it over and answers. */
class OffloadedWay implements ExpensiveWay {
  poolTasks = 0;
  constructor(
    private readonly work: WorkSettings,
    private readonly pool: PlainPool,
    private readonly onError: (error: unknown) => void,
  ) {}
  handle(respond: Respond): void {
    this.poolTasks++;
    this.pool.run({ units: this.work.units, seed: this.work.seed }).then(respond, this.onError);
  }
  async close(): Promise<void> {}
}

/** The way named `name`, doing `work`; the pool ways need `pool`, and report a failed task to `onError`. */
export function createExpensiveWay(name: ExpensiveWayName, work: WorkSettings, pool: PlainPool | undefined, onError: (error: unknown) => void): ExpensiveWay {
  if (name === 'inline') return new InlineWay(work);
  if (name === 'interleaved') return new InterleavedWay(work.units, work.seed, work.partUnits);
  if (pool === undefined) throw new Error(`the ${name} way needs a pool`);
  return name === 'offloaded' ? new OffloadedWay(work, pool, onError) : new BatchedWay(work.units, work.seed, work.batch, pool, onError);
}
