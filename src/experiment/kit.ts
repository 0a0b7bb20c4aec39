import { compareModes, type ModeComparison } from '../measure/compare-modes.ts';
import { judgeFor } from '../measure/impossible-figures.ts';
import { measureModes, type ModeMeasurement } from '../measure/measure-modes.ts';
import { LabPool, modeOf, needThreadPool, ProcessPool, type ModeName } from '../modes/index.ts';
import type { QueueSession } from '../runtime/queue/queue-session.ts';
import { drawableRuns } from '../report/drawable-runs.ts';
import type { NamedRun } from '../draw/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { runOptionsFor, type CompleteContext, type ExperimentContext } from './context.ts';

/** How `ExperimentKit.measure` runs one workload. */
export interface KitMeasureOptions {
  /** Modes measured a second time without step recording, in the same rounds (see `measureModes`). */
  readonly untraced?: readonly ModeName[];
  /** Modes measured a second time as A/A twins, subjects of their own in the same rounds (see `measureModes`). */
  readonly aa?: readonly ModeName[];
  /** A pool of another size for this measurement; by default the experiment's own pool of `--threads`. */
  readonly pool?: LabPool;
  /** A process pool of another size for this measurement; by default the experiment's own of `--processes`. */
  readonly processPool?: ProcessPool;
  /** Timed rounds instead of the context's (a size whose median decides a target may need more). */
  readonly repeats?: number;
  /** Keep the runs for drawing (default true); false when the experiment picks what to draw itself. */
  readonly draw?: boolean;
}

/** One workload measured in several modes: the raw runs, the rows compared against the first mode, and the untraced runs apart. */
export interface Measured {
  readonly measurements: readonly ModeMeasurement[];
  readonly rows: readonly ModeComparison[];
  /** The modes measured again without step recording (`KitMeasureOptions.untraced`), in that order. */
  readonly untraced: readonly ModeMeasurement[];
  /** The A/A twins (`KitMeasureOptions.aa`), in that order, compared with the baseline like `rows` (their `mode` is the mode they twin). */
  readonly aa?: readonly ModeComparison[];
}

/**
 * What an experiment measures with: the context's settings applied to every measurement, one warm
 * pool started on first need and closed by the kit, and every measured run kept for drawing.
 */
export class ExperimentKit {
  private pool: Promise<LabPool> | undefined;
  private processPool: Promise<ProcessPool> | undefined;
  private queue: Promise<QueueSession> | undefined;
  private readonly scoped = new Set<Promise<LabPool>>();
  private readonly drawable: NamedRun[] = [];

  constructor(readonly context: CompleteContext) {}

  /** The experiment's warm pool of `--threads` workers, started on the first call. */
  sharedPool(): Promise<LabPool> {
    this.pool ??= LabPool.start({ threads: this.context.threads });
    return this.pool;
  }

  /** The experiment's warm pool of `--processes` forked processes (default `--threads`), started on the first call. */
  sharedProcessPool(): Promise<ProcessPool> {
    this.processPool ??= ProcessPool.start({ processes: this.context.processes });
    return this.processPool;
  }

  /** The experiment's queue session (Redis, a queue of its own, `--workers` local worker processes), opened on the first call. */
  sharedQueue(): Promise<QueueSession> {
    const { redis, workers } = this.context;
    // BullMQ and ioredis load only when an experiment needs a queue.
    this.queue ??= import('../runtime/queue/queue-session.ts').then(({ QueueSession }) => QueueSession.open({ workers, ...(redis !== undefined && { redis }) }));
    return this.queue;
  }

  /** A pool of `threads` workers for `use` alone (scaling's thread counts), closed when `use` ends. */
  async withPool<T>(threads: number, use: (pool: LabPool) => Promise<T>): Promise<T> {
    const started = LabPool.start({ threads });
    this.scoped.add(started);
    try {
      return await use(await started);
    } finally {
      this.scoped.delete(started);
      await (await started).close();
    }
  }

  /** Measures `workload` in `modes` with the context's repeats, warm-ups, signal, timeout and steps, and compares the rows. */
  async measure(workload: WorkloadSpec, modes: readonly ModeName[], options: KitMeasureOptions = {}): Promise<Measured> {
    const context = this.context;
    const pool = options.pool ?? (needThreadPool(modes) ? await this.sharedPool() : undefined);
    const processPool = options.processPool ?? (modes.some((m) => modeOf(m).needs === 'child-processes') ? await this.sharedProcessPool() : undefined);
    const queue = modes.some((m) => modeOf(m).needs === 'queue') ? await this.sharedQueue() : undefined;
    const all = await measureModes(workload, modes, {
      repeats: options.repeats ?? context.repeats,
      warmups: context.warmups,
      runOptions: runOptionsFor(context, pool, processPool, queue),
      onProgress: context.onProgress,
      untraced: options.untraced ?? [],
      ...(options.aa !== undefined && options.aa.length > 0 && { aa: options.aa }),
      ...(context.auto !== undefined && { auto: context.auto }),
    });
    const measurements = all.filter((m) => m.steps !== false && m.aa !== true);
    const twins = all.filter((m) => m.aa === true);
    if (options.draw !== false) this.draw(...drawableRuns(measurements));
    const compared = compareModes([...measurements, ...twins], judgeFor(workload, context.machine.availableParallelism));
    return { measurements, untraced: all.filter((m) => m.steps === false), rows: compared.slice(0, measurements.length), aa: compared.slice(measurements.length) };
  }

  /** Keeps runs measured another way for timelines, SVGs and `--trace` files. */
  draw(...runs: readonly NamedRun[]): void {
    this.drawable.push(...runs);
  }

  get runs(): readonly NamedRun[] {
    return this.drawable;
  }

  /** Closes every pool the kit started; safe to call whatever happened. */
  async close(): Promise<void> {
    const pools: Promise<{ close(): Promise<void> }>[] = [...(this.pool === undefined ? [] : [this.pool]), ...this.scoped, ...(this.processPool === undefined ? [] : [this.processPool]), ...(this.queue === undefined ? [] : [this.queue])];
    this.pool = undefined;
    this.processPool = undefined;
    this.queue = undefined;
    const settled = await Promise.allSettled(pools);
    await Promise.all(settled.map((s) => (s.status === 'fulfilled' ? s.value.close() : undefined)));
  }
}

/** One workload measured in some modes, and the workload itself: what an experiment of one workload analyses. */
export interface OneWorkload extends Measured {
  readonly workload: WorkloadSpec;
}

/** The `measure` of an experiment of one workload: builds it from the context and measures it in `modes`. */
export function measureWorkload(build: (context: ExperimentContext) => WorkloadSpec, modes: readonly ModeName[]): (kit: ExperimentKit) => Promise<OneWorkload> {
  return async (kit) => {
    const workload = build(kit.context);
    return { workload, ...(await kit.measure(workload, modes)) };
  };
}
