import { compareModes, type ModeComparison } from '../measure/compare-modes.ts';
import { judgeFor } from '../measure/impossible-figures.ts';
import { measureModes, type ModeMeasurement } from '../measure/measure-modes.ts';
import { LabPool, modeOf, processPoolResource, queueResource, resourcesOf, threadPoolResource, type ModeName, type ProcessPool, type Resource, type ResourceKind, type Resources } from '../modes/index.ts';
import type { QueueSession } from '../runtime/queue/queue-session.ts';
import { drawableRuns } from '../report/drawable-runs.ts';
import type { NamedRun } from '../draw/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { cpuReaderFor, runOptionsFor, type CompleteContext, type ExperimentContext } from './context.ts';

/** How `ExperimentKit.measure` runs one workload. */
export interface KitMeasureOptions {
  /** Modes measured a second time without step recording, in the same rounds (see `measureModes`). */
  readonly untraced?: readonly ModeName[];
  /** Modes measured a second time as A/A twins, subjects of their own in the same rounds (see `measureModes`). */
  readonly aa?: readonly ModeName[];
  /** A pool of another size for this measurement; by default the experiment's own pool of `--threads`. */
  readonly pool?: LabPool;
  /** Resources of another size for this measurement (e.g. a process pool of other processes); by default the experiment's own, opened from the context. */
  readonly resources?: Resources;
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
  /** The experiment's own resources, by kind, each opened on first need and closed by the kit. */
  private readonly opened = new Map<ResourceKind, Promise<Resource>>();
  private readonly scoped = new Set<Promise<LabPool>>();
  private readonly drawable: NamedRun[] = [];

  constructor(readonly context: CompleteContext) {}

  /** The experiment's own resource of `kind`, opened from the context's counts on the first call. */
  shared<R extends Resource>(kind: ResourceKind<R>): Promise<R> {
    let opened = this.opened.get(kind);
    if (opened === undefined) {
      opened = kind.open(this.context);
      this.opened.set(kind, opened);
    }
    return opened as Promise<R>;
  }

  /** The experiment's warm pool of `--threads` workers, started on the first call. */
  sharedPool(): Promise<LabPool> {
    return this.shared(threadPoolResource);
  }

  /** The experiment's warm pool of `--processes` forked processes, started on the first call. */
  sharedProcessPool(): Promise<ProcessPool> {
    return this.shared(processPoolResource);
  }

  /** The experiment's queue session (Redis, a queue of its own, `--workers` local worker processes), opened on the first call. */
  sharedQueue(): Promise<QueueSession> {
    return this.shared(queueResource);
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
    const kinds = [...new Set(modes.flatMap((m) => modeOf(m).needs ?? []))];
    const pool = options.pool ?? (kinds.includes(threadPoolResource) ? await this.sharedPool() : undefined);
    const others = kinds.filter((kind) => kind !== threadPoolResource && options.resources?.has(kind) !== true);
    const resources = new Map([...(options.resources ?? []), ...resourcesOf(...(await Promise.all(others.map(async (kind) => [kind, await this.shared(kind)] as const))))]);
    const all = await measureModes(workload, modes, {
      repeats: options.repeats ?? context.repeats,
      warmups: context.warmups,
      runOptions: runOptionsFor(context, pool, resources),
      onProgress: context.onProgress,
      untraced: options.untraced ?? [],
      readCpu: cpuReaderFor(context),
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
    const pools: Promise<{ close(): Promise<void> }>[] = [...this.opened.values(), ...this.scoped];
    this.opened.clear();
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
