// The hand-off result's table, rows, facts and chart, from the analysis.
import type { LineChartOptions } from '../../src/draw/index.ts';
import type { Estimate } from '../../src/experiment/dispatch-intervals.ts';
import type { NamedFacts } from '../../src/report/experiment-result.ts';
import { formatMs, formatRatio } from '../../src/report/format.ts';
import { us } from '../granularity/analysis.ts';
import type { HandOffAnalysis, WayAnalysis } from './analysis.ts';
import { WAYS, type HandOffWay } from './way.ts';

/** Each way's name in facts: its cost is `<cost>Us`, its crossover `<way>CrossoverUnits`. */
const FACT_NAMES = {
  'ring-spin': { cost: 'floorSpin', way: 'ringSpin' },
  'ring-wake': { cost: 'floorWake', way: 'ringWake' },
  'post-message-one': { cost: 'postMessageOne', way: 'postMessageOne' },
  'post-message-many': { cost: 'postMessageMany', way: 'postMessageMany' },
  piscina: { cost: 'piscina', way: 'piscina' },
  tinypool: { cost: 'tinypool', way: 'tinypool' },
  workerpool: { cost: 'workerpool', way: 'workerpool' },
  poolifier: { cost: 'poolifier', way: 'poolifier' },
  'lab-parallel': { cost: 'labParallel', way: 'labParallel' },
  'lab-parallel-untraced': { cost: 'labParallelUntraced', way: 'labParallelUntraced' },
  'lab-hybrid': { cost: 'labHybrid', way: 'labHybrid' },
} as const satisfies Record<HandOffWay, { cost: string; way: string }>;
type CostStem = (typeof FACT_NAMES)[HandOffWay]['cost'];
type WayStem = (typeof FACT_NAMES)[HandOffWay]['way'];

/** A fact with its 95% interval: `name`, `nameLow`, `nameHigh`. */
type Bounded<K extends string> = K | `${K}Low` | `${K}High`;

export type HandOffFacts = NamedFacts<Bounded<`${CostStem}Us` | 'wakeShare' | 'cheapestPoolOverFloor' | `${WayStem}CrossoverUnits`> | 'spinCpuCores'>;

/** One JSON row per way that ran; the cheapest pool's row says so. */
export interface HandOffRow {
  readonly way: HandOffWay;
  readonly threads: number;
  readonly usableThreads: number;
  readonly costUs: number;
  readonly costUsLow: number;
  readonly costUsHigh: number;
  readonly floorUsPerTask: number;
  readonly cpuPerTaskUs: number;
  readonly mainCpuPerTaskUs: number;
  readonly idleCpuCores: number;
  readonly crossoverUnits: number;
  readonly checksumOk: boolean;
  readonly cheapest?: true;
}

function bounded<K extends string>(name: K, e: Estimate): Record<Bounded<K>, number> {
  return { [name]: e.value, [`${name}Low`]: e.low, [`${name}High`]: e.high } as Record<Bounded<K>, number>;
}

const NONE: Estimate = { value: Number.NaN, low: Number.NaN, high: Number.NaN };

/** The crossover in units, with the sizes it lies between; NaN unless it crossed (and for a way that cannot: one usable thread). */
function crossoverEstimate(w: WayAnalysis | undefined): Estimate {
  const c = w?.fit.crossover;
  if (w === undefined || w.usable < 2 || c === undefined || c.state !== 'crossed') return c?.state === 'always-faster' && w !== undefined && w.usable >= 2 ? { value: c.smallest, low: Number.NaN, high: c.smallest } : NONE;
  return { value: c.size, low: c.below, high: c.above };
}

export function handOffFacts(a: HandOffAnalysis, spinCpuCores: number): HandOffFacts {
  const facts: Record<string, number> = { spinCpuCores };
  for (const way of WAYS) {
    if (way === 'one-thread') continue;
    const w = a.ways.find((x) => x.name === way);
    Object.assign(facts, bounded(`${FACT_NAMES[way].cost}Us`, w?.cost ?? NONE), bounded(`${FACT_NAMES[way].way}CrossoverUnits`, crossoverEstimate(w)));
  }
  Object.assign(facts, bounded('wakeShare', a.derived.wakeShare), bounded('cheapestPoolOverFloor', a.cheapest === undefined ? NONE : a.derived[`${a.cheapest}OverFloor`]));
  return facts as HandOffFacts;
}

export function handOffRows(a: HandOffAnalysis): HandOffRow[] {
  return a.ways.map((w) => ({
    way: w.name,
    threads: w.threads,
    usableThreads: w.usable,
    costUs: w.cost.value,
    costUsLow: w.cost.low,
    costUsHigh: w.cost.high,
    floorUsPerTask: w.floorUs,
    cpuPerTaskUs: w.cpuPerTaskUs,
    mainCpuPerTaskUs: w.mainCpuPerTaskUs,
    idleCpuCores: w.idleCpuCores,
    crossoverUnits: crossoverEstimate(w).value,
    checksumOk: w.checksumOk,
    ...(a.cheapest === w.name && { cheapest: true as const }),
  }));
}

const cell = (v: number, format: (x: number) => string): string => (Number.isFinite(v) ? format(v) : '-');

function paysFrom(w: WayAnalysis): string {
  if (w.usable < 2) return 'never (1 thread)';
  const c = w.fit.crossover;
  return c.state === 'crossed' ? `${c.above} units` : c.state === 'always-faster' ? `<= ${c.smallest} units` : `> ${c.largest} units`;
}

/** The table of ways (cheapest rung first) and the table of speedups by size. */
export function handOffTables(a: HandOffAnalysis, title: string): { title: string; head: string[]; rows: string[][] }[] {
  return [
    {
      title,
      head: ['way', 'threads', 'cost/task', '95% interval', 'at 0 units', 'cpu/task', 'main cpu/task', 'idle cpu', 'pays from', 'checksums'],
      rows: a.ways.map((w) => [
        w.name + (a.cheapest === w.name ? ' (cheapest pool)' : ''),
        String(w.threads),
        cell(w.cost.value, us),
        Number.isFinite(w.cost.low) ? `${us(w.cost.low)} to ${us(w.cost.high)}` : '-',
        cell(w.floorUs, us),
        cell(w.cpuPerTaskUs, us),
        cell(w.mainCpuPerTaskUs, us),
        cell(w.idleCpuCores, (x) => `${x.toFixed(2)} cores`),
        paysFrom(w),
        w.checksumOk ? 'identical' : 'DIFFERENT',
      ]),
    },
    {
      title: 'speedup against one thread at each size (one-thread median; each way\'s median over it)',
      head: ['units/task', 'work/task', 'one-thread', ...a.ways.map((w) => w.name)],
      rows: a.sizes.map((s) => [
        String(s.unitsPerTask),
        us((s.rows[0]!.medianMs * 1000) / s.tasks),
        formatMs(s.rows[0]!.medianMs),
        ...a.ways.map((w) => {
          const r = s.ways[w.name];
          return r === undefined ? '-' : formatRatio(r.speedup) + (r.verdict?.state === 'faster' ? ' +' : r.verdict?.state === 'slower' ? ' -' : '');
        }),
      ]),
    },
  ];
}

/** Per-task cost at each size (log scales; size 0 stays off the axis), the floors marked. */
export function handOffChart(a: HandOffAnalysis, tasks: number): LineChartOptions {
  const floor = (name: HandOffWay, label: string): { label: string; y: number }[] => {
    const w = a.ways.find((x) => x.name === name);
    return w === undefined || !(w.cost.value > 0) ? [] : [{ label: `${label}: ${us(w.cost.value)} a task`, y: w.cost.value }];
  };
  const positive = a.sizes.filter((s) => s.unitsPerTask > 0);
  return {
    title: `hand-off: what each way costs per task, ${tasks} tasks at every size`,
    xLabel: 'work per task (kernel units)',
    yLabel: 'cost per task beyond the ideal split (µs)',
    series: a.ways.map((w) => ({ label: w.name, points: positive.map((s, i) => ({ x: s.unitsPerTask, y: w.fit.overheadUs[i]! })) })),
    references: [...floor('ring-spin', 'floor, spinning'), ...floor('ring-wake', 'floor, sleeping')],
  };
}
