// Sentences from the hand-off analysis: every comparison with its interval or its test.
import { crossoverPhrase } from '../../src/experiment/crossover-phrase.ts';
import type { Estimate } from '../../src/experiment/dispatch-intervals.ts';
import { clearlyAbove, intervalKnown, withInterval } from '../../src/experiment/estimate-text.ts';
import { checksumWarning } from '../../src/report/checksum-warning.ts';
import { formatPercent, formatRatio } from '../../src/report/format.ts';
import { us } from '../granularity/analysis.ts';
import { poolRatio, wayOf, type HandOffAnalysis, type WayAnalysis } from './analysis.ts';
import { POOLS } from './way.ts';

/** The design of a run, for the closing note and `about`. */
export interface HandOffDesign {
  readonly ways: number;
  readonly sizes: readonly number[];
  readonly rounds: number;
  readonly tasks: number;
  readonly threads: number;
  readonly spinThreads: number;
  readonly cores: number;
  /** Each way ran right after every other equally often (false below one block of the order: `--quick`). */
  readonly balanced: boolean;
}

/** "12.3 µs (95% interval ...)" for a cost; "not measured" for a way that did not run. */
function cost(e: Estimate | undefined): string {
  return e === undefined || Number.isNaN(e.value) ? 'not measured' : withInterval(e, us);
}

/** One rung against the next by their costs' intervals: "below", "at most" (intervals overlap), or "above". */
function order(lower: Estimate, upper: Estimate): 'below' | 'overlaps' | 'above' {
  if (!intervalKnown(lower) || !intervalKnown(upper)) return lower.value < upper.value ? 'below' : 'above';
  if (lower.high < upper.low) return 'below';
  if (lower.low > upper.high) return 'above';
  return 'overlaps';
}

/** Where the time of a hand-off goes, rung by rung, with each difference's interval. */
function whereTheTimeGoes(a: HandOffAnalysis): string {
  const d = a.derived;
  const piscina = wayOf(a, 'piscina');
  return (
    `Where the time of a hand-off goes (fitted costs per task, differences from the same bootstrap): two threads passing a task through shared memory while both spin cost ${cost(d['ring-spin'])}, the floor; ` +
    `letting the worker and the main thread sleep in Atomics.wait and be woken by the OS added ${cost(d.wakeUpUs)} (${cost(d['ring-wake'])} in all); ` +
    `a message through postMessage and the event loop instead, many in flight, added ${cost(d.messageUs)} (${cost(d['post-message-many'])}); ` +
    (piscina === undefined ? '' : `Piscina's own bookkeeping added ${cost(d.piscinaBookkeeping)} (${cost(piscina.cost)}); `) +
    `the lab's parallel path added ${cost(d.labPathUs)} for its scheduler and task rebuilt in the worker, and ${cost(d.tracingUs)} for recording every step.`
  );
}

/**
 * Whether the expected order spin < wake <= postMessage <= pools held, said as far as the intervals
 * allow, like against like: the rings and postMessage one at a time keep one task in flight per
 * worker, so every task waits for a wake-up; postMessage with many in flight and the pools keep each
 * worker's queue full, so their threads seldom sleep. Each fault says which of those it is.
 */
function ladderOrder(a: HandOffAnalysis): string {
  const d = a.derived;
  const pools = a.ways.filter((w) => (POOLS as readonly string[]).includes(w.name));
  const cheapestPool = pools.reduce<WayAnalysis | undefined>((best, w) => (best === undefined || w.cost.value < best.cost.value ? w : best), undefined);
  const faults: string[] = [];
  if (!Number.isNaN(d['ring-spin'].value) && order(d['ring-spin'], d['ring-wake']) !== 'below') {
    faults.push('spinning was not measurably cheaper than sleeping (a spinning thread that the OS deschedules, when other programs hold the cores, waits longer than a sleeping one)');
  }
  if (order(d['ring-wake'], d['post-message-one']) === 'above') faults.push('the sleeping ring cost measurably more than postMessage one task at a time, though both wait for a wake-up per task');
  if (cheapestPool !== undefined && order(d['post-message-many'], cheapestPool.cost) === 'above') faults.push(`postMessage with many in flight cost measurably more than ${cheapestPool.name}, though both keep their workers' queues full`);
  const pipelined =
    order(d['ring-wake'], d['post-message-many']) === 'above'
      ? ` With many in flight, postMessage (${cost(d['post-message-many'])}) undercuts even the sleeping ring: its workers find the next task waiting and never sleep, where each of the ring's tasks pays a wake-up.`
      : '';
  return faults.length === 0
    ? `The expected order held, like against like by the fitted costs' intervals (below, or overlapping where equal is allowed): spin < wake <= postMessage one at a time (one task in flight per worker: a wake-up per task), and postMessage many in flight <= the cheapest pool (queues kept full).${pipelined}`
    : `The expected order spin < wake <= postMessage <= pools did not hold here, like against like: ${faults.join('; ')}.${pipelined}`;
}

/** What spinning bought and what it cost. */
function spinPrice(a: HandOffAnalysis, spinCpuCores: number, spinThreads: number, cores: number): string {
  const d = a.derived;
  const share = d.wakeShare;
  return (
    (share.value > 0
      ? `Spinning removed ${withInterval(share, formatPercent)} of the sleeping ring's cost: the OS waking a thread. `
      : `Spinning removed none of the sleeping ring's cost here (spin ${cost(d['ring-spin'])}, sleep ${cost(d['ring-wake'])}): spinning threads that the OS deschedules wait longer than sleeping ones. `) +
    `Its price: ${spinThreads} spinning worker${spinThreads === 1 ? '' : 's'} (cores - 1 of ${cores}, so that the main thread keeps a core) burnt ${spinCpuCores.toFixed(2)} cores of CPU while there was nothing to do, ` +
    `against ${formatIdle(a)} for the ways whose threads sleep. A spinning pool pays for its speed with a core per thread, all the time.`
  );
}

function formatIdle(a: HandOffAnalysis): string {
  const sleeping = a.ways.filter((w) => w.name !== 'ring-spin' && Number.isFinite(w.idleCpuCores)).map((w) => w.idleCpuCores);
  return sleeping.length === 0 ? 'nothing measured' : `at most ${Math.max(...sleeping).toFixed(2)} cores`;
}

/** One task in flight against many: how much of a round trip is waiting for the other side to wake. */
function inFlight(a: HandOffAnalysis): string {
  const d = a.derived;
  return (
    `One task in flight (a round trip per task, one worker) cost ${cost(d['post-message-one'])}; many in flight ${cost(d['post-message-many'])}: ` +
    `${Number.isFinite(d.inFlightShare.value) ? withInterval(d.inFlightShare, formatPercent) : 'an unknown share'} of a lone round trip is waiting for a thread to wake and for the reply to come back, which keeping tasks in flight hides.`
  );
}

/** The cheapest pool here and by how much, with the interval of its cost against the next one's, and its distance from the floor. */
function cheapestPool(a: HandOffAnalysis): string[] {
  if (a.cheapest === undefined) return [];
  const own = wayOf(a, a.cheapest)!;
  const overFloor = a.derived[`${a.cheapest}OverFloor`];
  const vsFloor = Number.isFinite(overFloor.value) ? `, ${withInterval(overFloor, formatRatio)} the sleeping floor` : '';
  if (a.runnerUp === undefined) return [`The only pool that ran, ${a.cheapest}, cost ${cost(own.cost)} a task${vsFloor}.`];
  const ratio = poolRatio(a, a.runnerUp, a.cheapest);
  const tested = !intervalKnown(ratio)
    ? 'too few rounds for an interval, so not a measured difference'
    : clearlyAbove(ratio, 1)
      ? 'measurably dearer (the interval of the ratio is above 1)'
      : 'not measurably dearer (the interval of the ratio reaches 1): the two are a tie here';
  return [`The cheapest pool here was ${a.cheapest}, at ${cost(own.cost)} a task${vsFloor}; the next, ${a.runnerUp}, cost ${withInterval(ratio, formatRatio)} as much: ${tested}.`];
}

/** The smallest task worth sending with each way: its crossover against one thread, by verdicts. */
function worthSending(a: HandOffAnalysis): string {
  const workAt = (units: number): string => us(units * a.usPerUnit);
  const phrases = a.ways.map((w) => {
    if (w.usable < 2) return `${w.name} cannot beat one thread: it hands work to ${w.usable} thread at a time`;
    const c = w.fit.crossover;
    return c.state === 'crossed' ? `${w.name} from ${workAt(c.above)} (${c.above} units)` : c.state === 'always-faster' ? `${w.name} at every size from ${workAt(c.smallest)}` : `${w.name} at no size measured`;
  });
  return `The smallest task worth sending (measurably faster than one thread from that size on, by each size's paired test): ${phrases.join('; ')}.`;
}

/** The crossover of the cheapest pool in full, with its tests. */
function cheapestCrossover(a: HandOffAnalysis): string[] {
  const w = a.cheapest === undefined ? undefined : wayOf(a, a.cheapest);
  if (w === undefined) return [];
  return [`${crossoverPhrase(w.fit.crossover, w.name, (units) => us(units * a.usPerUnit))}.`];
}

/** Every note of a run, the design last. */
export function interpretHandOff(a: HandOffAnalysis, design: HandOffDesign, skipped: readonly string[], spinCpuCores: number): string[] {
  const checksummed = a.sizes.flatMap((s) => Object.values(s.ways).map((r) => ({ workload: `${s.unitsPerTask} units/task`, mode: r!.mode, checksumOk: r!.checksumOk })));
  const leftOut = a.ways.filter((w) => w.fit.leftOut.length > 0).map((w) => `${w.name} at ${w.fit.leftOut.join(', ')} units/task`);
  const spin = wayOf(a, 'ring-spin');
  return [
    ...checksumWarning(checksummed),
    ...skipped,
    whereTheTimeGoes(a),
    ladderOrder(a),
    ...(spin === undefined ? [] : [spinPrice(a, spinCpuCores, spin.threads, design.cores)]),
    inFlight(a),
    ...cheapestPool(a),
    worthSending(a),
    ...cheapestCrossover(a),
    ...(leftOut.length === 0 ? [] : [`Left out of every fit as impossible (faster than the ideal split beyond the interval): ${leftOut.join('; ')}; every way is fitted on the same sizes.`]),
    `Design: ${design.ways} ways × ${design.sizes.length} sizes (${design.sizes.join(', ')} units per task; 0 is the hand-off alone, the floor, which stays out of the crossovers) × ${design.rounds} rounds, ` +
      `${design.tasks} tasks at every size; each round runs every way once, ${design.balanced ? 'in a balanced order (each way followed every other equally often)' : 'in the balanced design\'s first rounds, too few for a whole block: some ways followed others more often'}, each woken untimed just before its run; ` +
      `${design.threads} threads for every way but the spinning ring (${design.spinThreads}: cores - 1) and one task in flight (1); costs fitted per task over ${a.fittedOn.join(', ')} units/task (where a few percent of difference in kernel speed between threads stays well under the hand-off's cost) against the ideal split over each way's usable threads, with 95% intervals from a seeded bootstrap over rounds.`,
  ];
}

