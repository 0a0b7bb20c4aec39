import { fitTogether, type DispatchFit, type DispatchRow, type DispatchSize, type FitSubject } from '../../src/experiment/dispatch-fit.ts';
import { costRatio, estimateCosts, type DispatchBootstrapOptions, type Estimate, type Series } from '../../src/experiment/dispatch-intervals.ts';
import { pairedRatioInterval } from '../../src/measure/ratio-interval.ts';
import { pairByRound, samplesOf } from '../../src/measure/samples.ts';
import { median } from '../../src/measure/stats.ts';
import { pairedVerdict } from '../../src/measure/verdict.ts';
import type { SweepSize, WaySeries } from './sweep.ts';
import { POOLS, WAYS, type HandOffWay, type PoolWay, type WayName } from './way.ts';

/** What `measure` hands to `analyse`: the design, the ways that ran (and those skipped, with why), every size's runs, and the idle CPU of each way. */
export interface HandOffFigures {
  readonly plan: { readonly tasks: number; readonly sizes: readonly number[] };
  readonly cores: number;
  readonly ways: readonly { readonly name: WayName; readonly threads: number }[];
  readonly skipped: readonly string[];
  readonly sizes: readonly SweepSize[];
  /** CPU of the process per second of idle wall time, in cores, per way and pause. */
  readonly idleCores: Readonly<Partial<Record<WayName, readonly number[]>>>;
}

/** One size as the fits read it: the one-thread loop as the `sequential` row, and every way's row. */
export interface FittedSize extends DispatchSize {
  readonly ways: Readonly<Partial<Record<WayName, DispatchRow<WayName>>>>;
}

/** Figures derived from the fitted costs, each with its interval from the same bootstrap over rounds. */
export type Derived =
  | HandOffWay
  /** Share of the sleeping ring's cost that spinning removes: (wake - spin) / wake. */
  | 'wakeShare'
  /** Share of postMessage's cost with one task in flight that many in flight remove: (one - many) / one. */
  | 'inFlightShare'
  /** The rungs of the ladder: waking a sleeping thread, a message through the event loop, the lab's scheduler path, its tracing. */
  | 'wakeUpUs'
  | 'messageUs'
  | 'labPathUs'
  | 'tracingUs'
  | `${PoolWay}OverFloor`
  | `${PoolWay}Bookkeeping`
  | `${PoolWay}Over${Capitalize<PoolWay>}`;

/** One way as the analysis sees it. */
export interface WayAnalysis {
  readonly name: HandOffWay;
  readonly threads: number;
  /** Threads that can run at once: min(threads, cores); 1 for one task in flight. */
  readonly usable: number;
  readonly fit: DispatchFit;
  readonly cost: Estimate;
  /** At size 0: median wall time per task, process CPU per task, main thread CPU per task (NaN where not told apart), µs. */
  readonly floorUs: number;
  readonly cpuPerTaskUs: number;
  readonly mainCpuPerTaskUs: number;
  /** Median CPU the process burnt per second of idle wall time with this way open and woken, in cores. */
  readonly idleCpuCores: number;
  readonly checksumOk: boolean;
}

export interface HandOffAnalysis {
  readonly ways: readonly WayAnalysis[];
  readonly sizes: readonly FittedSize[];
  readonly derived: Readonly<Record<Derived, Estimate>>;
  /** The pool with the lowest fitted cost, and the next cheapest, when two or more pools ran. */
  readonly cheapest?: PoolWay;
  readonly runnerUp?: PoolWay;
  /** Units per task the fits used: size 0 and every size up to `FIT_MAX_UNITS` possible for every way. */
  readonly fittedOn: readonly number[];
  /** Microseconds of kernel work in one unit, from the one-thread loop at the largest size. */
  readonly usPerUnit: number;
}

/**
 * The largest task size (kernel units) the costs are fitted over, with size 0. With the same task
 * count at every size, each size weighs alike in the fit; at larger sizes a few percent of difference
 * in kernel speed between the main thread and a worker (granularity's `baselineVsWorkerPerUnit`) is
 * tens of µs a task, and would count as hand-off cost. The larger sizes place the crossovers.
 */
export const FIT_MAX_UNITS = 4;

const capital = <S extends string>(s: S): Capitalize<S> => (s.charAt(0).toUpperCase() + s.slice(1)) as Capitalize<S>;

/** A way's series at one size as a compared row: its median against the one-thread loop's, the paired interval and verdict over the rounds both ran. */
export function comparedRow(name: WayName, threads: number, tasks: number, own: WaySeries, baseline: WaySeries): DispatchRow<WayName> {
  const samples = samplesOf(own.wallMs);
  const paired = pairByRound(samplesOf(baseline.wallMs), samples);
  const ratio = pairedRatioInterval(paired.a, paired.b);
  const medianMs = median(own.wallMs);
  return {
    workload: `${tasks} tasks`,
    mode: name,
    threads,
    medianMs,
    minMs: Math.min(...own.wallMs),
    maxMs: Math.max(...own.wallMs),
    speedup: median(baseline.wallMs) / medianMs,
    speedupLow: ratio.low,
    checksumOk: own.checksumOk,
    cpuMs: median(own.cpuMs),
    samples,
    verdict: pairedVerdict(paired.b, paired.a),
  };
}

/** Every estimate derived from the ways' fitted costs (NaN where a way did not run). */
function derive(c: Readonly<Partial<Record<HandOffWay, number>>>): Record<Derived, number> {
  const at = (w: HandOffWay): number => c[w] ?? Number.NaN;
  const out = Object.fromEntries(WAYS.filter((w): w is HandOffWay => w !== 'one-thread').map((w) => [w, at(w)])) as Record<Derived, number>;
  const share = (whole: number, part: number): number => costRatio(whole - part, whole);
  Object.assign(out, {
    wakeShare: share(at('ring-wake'), at('ring-spin')),
    inFlightShare: share(at('post-message-one'), at('post-message-many')),
    wakeUpUs: at('ring-wake') - at('ring-spin'),
    messageUs: at('post-message-many') - at('ring-wake'),
    labPathUs: at('lab-parallel-untraced') - at('piscina'),
    tracingUs: at('lab-parallel') - at('lab-parallel-untraced'),
  });
  for (const pool of POOLS) {
    out[`${pool}OverFloor`] = costRatio(at(pool), at('ring-wake'));
    out[`${pool}Bookkeeping`] = at(pool) - at('post-message-many');
    for (const other of POOLS) if (other !== pool) out[`${pool}Over${capital(other)}` as Derived] = costRatio(at(pool), at(other));
  }
  return out;
}

/**
 * Each way's per-task cost by the dispatch fit granularity uses (against the ideal split of the
 * one-thread loop over the way's own usable threads, every way on the same sizes: size 0 and those up
 * to `FIT_MAX_UNITS`),
 * with 95% bootstrap intervals over rounds; its crossover against one thread by each size's verdict
 * (sizes above 0 only); its CPU at size 0 and while idle; the cheapest pool.
 */
export function analyseHandOff(figures: HandOffFigures, bootstrap: DispatchBootstrapOptions = {}): HandOffAnalysis {
  const ran = figures.ways.filter((w): w is { name: HandOffWay; threads: number } => w.name !== 'one-thread');
  const usable = Object.fromEntries(ran.map((w) => [w.name, Math.min(w.threads, figures.cores)])) as Record<HandOffWay, number>;
  const sizes = figures.sizes.map((s): FittedSize => {
    const baseline = s.ways['one-thread']!;
    const ways = Object.fromEntries(ran.map((w) => [w.name, comparedRow(w.name, w.threads, s.tasks, s.ways[w.name]!, baseline)]));
    return { unitsPerTask: s.unitsPerTask, tasks: s.tasks, rows: [{ ...comparedRow('one-thread', 1, s.tasks, baseline, baseline), mode: 'sequential' }], ways };
  });
  const positive = sizes.filter((s) => s.unitsPerTask > 0);
  const subjects = Object.fromEntries(ran.map((w) => [w.name, { mode: w.name, rowAt: (s: FittedSize) => s.ways[w.name]! }])) as Record<HandOffWay, FitSubject<FittedSize>>;
  const { fits, fittedOn } = fitTogether(positive, subjects, usable);
  const onFit = sizes.filter((s) => s.unitsPerTask === 0 || (s.unitsPerTask <= FIT_MAX_UNITS && fittedOn.includes(s.unitsPerTask)));
  const series = Object.fromEntries(ran.map((w) => [w.name, (s: FittedSize): Series => s.ways[w.name]!])) as Record<HandOffWay, (s: FittedSize) => Series>;
  const estimated = estimateCosts(onFit, series, usable, derive, bootstrap);
  // A bootstrap of a single round gives an interval of no width: below two rounds there are no intervals.
  const rounds = figures.sizes.every((s) => Object.values(s.ways).every((w) => w!.wallMs.length >= 2));
  const derived = rounds ? estimated : (Object.fromEntries(Object.entries(estimated).map(([k, e]) => [k, { value: e.value, low: Number.NaN, high: Number.NaN }])) as Record<Derived, Estimate>);
  const floor = figures.sizes.find((s) => s.unitsPerTask === 0);
  const perTask = (values: readonly number[] | undefined, tasks: number): number => (values === undefined || values.length === 0 ? Number.NaN : (median(values) * 1000) / tasks);
  const ways = ran.map((w): WayAnalysis => {
    const atFloor = floor?.ways[w.name];
    const idle = figures.idleCores[w.name];
    return {
      name: w.name,
      threads: w.threads,
      usable: usable[w.name],
      fit: fits[w.name],
      cost: derived[w.name],
      floorUs: perTask(atFloor?.wallMs, floor?.tasks ?? 1),
      cpuPerTaskUs: perTask(atFloor?.cpuMs, floor?.tasks ?? 1),
      mainCpuPerTaskUs: perTask(atFloor?.mainCpuMs, floor?.tasks ?? 1),
      idleCpuCores: idle === undefined || idle.length === 0 ? Number.NaN : median(idle),
      checksumOk: figures.sizes.every((s) => s.ways[w.name]?.checksumOk === true),
    };
  });
  const pools = ways.filter((w) => (POOLS as readonly string[]).includes(w.name) && Number.isFinite(w.cost.value)).sort((a, b) => a.cost.value - b.cost.value);
  const largest = [...figures.sizes].sort((a, b) => b.unitsPerTask - a.unitsPerTask)[0];
  const usPerUnit = largest === undefined || largest.unitsPerTask === 0 ? Number.NaN : (median(largest.ways['one-thread']!.wallMs) * 1000) / largest.tasks / largest.unitsPerTask;
  return {
    ways,
    sizes,
    derived,
    ...(pools[0] !== undefined && { cheapest: pools[0].name as PoolWay }),
    ...(pools[1] !== undefined && { runnerUp: pools[1].name as PoolWay }),
    fittedOn: onFit.map((s) => s.unitsPerTask),
    usPerUnit,
  };
}

/** The analysis of one way; undefined when it did not run. */
export function wayOf(a: HandOffAnalysis, name: HandOffWay): WayAnalysis | undefined {
  return a.ways.find((w) => w.name === name);
}

/** The ratio of two pools' fitted costs, with its interval: how much dearer `dearer` was than `cheaper`. */
export function poolRatio(a: HandOffAnalysis, dearer: PoolWay, cheaper: PoolWay): Estimate {
  return a.derived[`${dearer}Over${capital(cheaper)}` as Derived];
}
