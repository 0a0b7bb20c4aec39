import { fitTogether, usPerUnitOf, type DispatchFit, type DispatchSize, type FitSubject } from '../../src/experiment/dispatch-fit.ts';
import { costRatio, estimateCosts, type DispatchBootstrapOptions, type Estimate, type Series } from '../../src/experiment/dispatch-intervals.ts';
import { clearlyAbove, clearlyBelow, intervalKnown, withInterval } from '../../src/experiment/estimate-text.ts';
import { rowOf } from '../../src/experiment/mode-rows.ts';
import type { ModeName } from '../../src/modes/index.ts';
import { formatCount, formatRatio } from '../../src/report/format.ts';
import { us } from '../granularity/analysis.ts';

/** The rungs that hand a task to another worker, and the mode that measures each: a plain thread pool, forked processes, the queue. */
export const RUNGS = [
  { rung: 'thread', mode: 'piscina', name: 'a task to a worker thread (plain Piscina pool)' },
  { rung: 'process', mode: 'processes', name: 'a task to a forked process' },
  { rung: 'queue', mode: 'distributed', name: 'a job through the queue (BullMQ on Redis)' },
] as const satisfies readonly { rung: string; mode: ModeName; name: string }[];
export type Rung = (typeof RUNGS)[number]['rung'];

/** One task size, measured in sequential and on every rung. */
export type LadderSize = DispatchSize;

/** What a rung cost and from what task size it paid: the dispatch fit granularity gives the thread pool. */
export type RungAnalysis = DispatchFit & { readonly rung: Rung; readonly name: string };

/** Each rung's fitted cost, µs per task, and each against the rung below it, as a ratio of fitted costs. */
export type LadderEstimate = Rung | 'processVsThread' | 'queueVsProcess';

export interface LadderAnalysis {
  readonly switchNs: number;
  readonly awaitHopNs: number;
  readonly usPerUnit: number;
  readonly usable: number;
  readonly rungs: readonly RungAnalysis[];
  /** Units per task every rung's fit used: the sizes whose figures are possible for all three, so that their costs compare the same work. */
  readonly fittedOn: readonly number[];
  /** The fitted costs and their ratios, each with its 95% bootstrap interval over rounds (NaN ends without two rounds at every size). */
  readonly estimates: Readonly<Record<LadderEstimate, Estimate>>;
}

/** The two rungs measured on one thread, ns per hand-over. */
export interface OneThreadRungs {
  readonly switchNs: number;
  readonly awaitHopNs: number;
}

/** The estimates from the rungs' costs: the costs themselves and each against the rung below (NaN unless that one is above zero). */
function derive(c: Readonly<Partial<Record<Rung, number>>>): Record<LadderEstimate, number> {
  const at = (rung: Rung): number => c[rung] ?? Number.NaN;
  return { thread: at('thread'), process: at('process'), queue: at('queue'), processVsThread: costRatio(at('process'), at('thread')), queueVsProcess: costRatio(at('queue'), at('process')) };
}

/**
 * Each rung's fitted per-task cost and crossover, by the same fit granularity gives the thread pool:
 * against the ideal split of sequential time over min(workers, cores), every rung on the sizes
 * possible for all of them, with bootstrap intervals over rounds. A bootstrap of a single round would
 * give an interval of no width, so below two rounds at any size there are no intervals.
 */
export function analyseLadder(sizes: readonly LadderSize[], oneThread: OneThreadRungs, workers: number, cores: number, bootstrap: DispatchBootstrapOptions = {}): LadderAnalysis {
  const usable = Math.min(workers, cores);
  const rowAt = (mode: ModeName) => (size: LadderSize) => rowOf(size.rows, mode);
  const subjects = Object.fromEntries(RUNGS.map(({ rung, mode }) => [rung, { mode, rowAt: rowAt(mode) }])) as Record<Rung, FitSubject<LadderSize>>;
  const { fits, fittedOn } = fitTogether(sizes, subjects, usable);
  const rungs = RUNGS.map(({ rung, name }): RungAnalysis => ({ ...fits[rung], rung, name }));
  const series = {} as Record<Rung, (size: LadderSize) => Series>;
  for (const { rung, mode } of RUNGS) series[rung] = rowAt(mode);
  const estimated = estimateCosts(
    sizes.filter((s) => fittedOn.includes(s.unitsPerTask)),
    series,
    usable,
    derive,
    bootstrap,
  );
  const rounds = sizes.every((s) => s.rows.every((r) => (r.samples?.length ?? 0) >= 2));
  const estimates = rounds ? estimated : (Object.fromEntries(Object.entries(estimated).map(([k, e]) => [k, { value: e.value, low: Number.NaN, high: Number.NaN }])) as Record<LadderEstimate, Estimate>);
  return { ...oneThread, usPerUnit: usPerUnitOf(sizes), usable, rungs, fittedOn, estimates };
}

/** The rung of that name; every ladder has all three. */
export function rungOf(analysis: LadderAnalysis, rung: Rung): RungAnalysis {
  return analysis.rungs.find((r) => r.rung === rung)!;
}

/** Where a rung starts to pay, said from its crossover. */
export function paysFrom(r: RungAnalysis, usPerUnit: number): string {
  switch (r.crossover.state) {
    case 'crossed':
      return `pays from about ${us(r.crossoverUs)} of work per task (${Math.round(r.crossover.size)} units; not measurably faster than sequential at ${r.crossover.below}, measurably faster from ${r.crossover.above} on)`;
    case 'always-faster':
      return `paid at every measured size, down to ${us(r.crossover.smallest * usPerUnit)} per task (${r.crossover.smallest} units; measurably faster than sequential at each)`;
    case 'never-faster':
      return `did not measurably pay even at ${us(r.crossover.largest * usPerUnit)} per task (${r.crossover.largest} units), the largest measured`;
  }
}

/** "2.65x", and "8,893x" from a hundred on. */
function times(ratio: number): string {
  return Math.abs(ratio) >= 100 ? `${Math.round(ratio).toLocaleString('en-US')}x` : formatRatio(ratio);
}

/** One rung against the one below it: the ratio of their costs and its interval. */
interface LadderStep {
  readonly upper: string;
  readonly lower: string;
  readonly ratio: Estimate;
}

/**
 * Whether a step is measurably up the ladder, or down, by its ratio's interval: untested without rounds; unbounded when
 * rounds were resampled but the ratio has no interval (the cost below reached zero in some resamples); no ratio at all
 * when the cost below is not above zero.
 */
function stepState(r: Estimate, resampled: boolean): 'more' | 'less' | 'unclear' | 'unbounded' | 'untested' | 'no ratio' {
  if (!Number.isFinite(r.value)) return 'no ratio';
  if (!intervalKnown(r)) return resampled ? 'unbounded' : 'untested';
  return clearlyAbove(r, 1) ? 'more' : clearlyBelow(r, 1) ? 'less' : 'unclear';
}

/** "a process costs 2.65x (95% interval 2.10x to 3.30x) a thread, measurably more". */
function stepPhrase({ upper, lower, ratio }: LadderStep, resampled: boolean): string {
  switch (stepState(ratio, resampled)) {
    case 'no ratio':
      return `${upper} against ${lower}: no ratio, as ${lower}'s fitted cost is not above zero`;
    case 'untested':
      return `${upper} costs ${times(ratio.value)} ${lower}, too few rounds for an interval`;
    case 'more':
      return `${upper} costs ${withInterval(ratio, times)} ${lower}, measurably more`;
    case 'less':
      return `${upper} costs ${withInterval(ratio, times)} ${lower}, measurably less`;
    case 'unclear':
      return `${upper} costs ${withInterval(ratio, times)} ${lower}, not measurably more (the interval reaches 1)`;
    case 'unbounded':
      return `${upper} costs ${times(ratio.value)} ${lower}, not measurably more (no bounded interval: the cost of ${lower} reached zero in some bootstrap resamples)`;
  }
}

/** Whether each rung from the worker thread up costs measurably more than the one before, said only as far as the intervals allow. */
function ladderLead(steps: readonly LadderStep[], resampled: boolean): string {
  const states = steps.map((s) => stepState(s.ratio, resampled));
  if (states.every((st) => st === 'more')) return 'Each rung from the worker thread up costs measurably more than the one before';
  if (steps.some((s, i) => states[i] === 'no ratio' || states[i] === 'less' || s.ratio.value <= 1)) return 'The rungs did not come out in order in this run (a busy machine or too few repeats: rerun on a quiet one)';
  if (states.includes('untested')) return 'Too few rounds to tell whether each rung costs more than the one before';
  return 'The rungs came out in order, but not every step measurably so (a busy machine or too few repeats: rerun on a quiet one)';
}

/** Sentences from the numbers: the ladder's costs with their intervals, each step with what tests it, and from what task size each rung pays here. */
export function interpretLadder(a: LadderAnalysis, workers: number, cores: number): string[] {
  const thread = rungOf(a, 'thread');
  const process = rungOf(a, 'process');
  const queue = rungOf(a, 'queue');
  const e = a.estimates;
  const overHop = (x: number): number => costRatio(x * 1000, a.awaitHopNs);
  const overSwitch = (x: number): number => costRatio(x * 1000, a.switchNs);
  const steps: LadderStep[] = [
    { upper: 'a task to a worker thread', lower: 'an await hop', ratio: { value: overHop(e.thread.value), low: overHop(e.thread.low), high: overHop(e.thread.high) } },
    { upper: 'a task to a process', lower: 'one to a thread', ratio: e.processVsThread },
    { upper: 'a job through the queue', lower: 'a task to a process', ratio: e.queueVsProcess },
  ];
  const resampled = intervalKnown(e.thread) || intervalKnown(e.process) || intervalKnown(e.queue);
  const queueOverSwitch: Estimate = { value: overSwitch(e.queue.value), low: overSwitch(e.queue.low), high: overSwitch(e.queue.high) };
  const all = a.fittedOn.length === a.rungs[0]!.overheadUs.length;
  const fittedOver = all ? 'every size' : a.fittedOn.length === 0 ? 'no size: every one was impossible for some rung' : `${a.fittedOn.join(', ')} units/task`;
  const leftOut = a.rungs.filter((r) => r.leftOut.length > 0).map((r) => `${r.mode} left out ${r.leftOut.join(', ')} units/task`);
  return [
    `${ladderLead(steps, resampled)}: a switch on one thread ${a.switchNs.toFixed(0)} ns and an await hop ${a.awaitHopNs.toFixed(0)} ns (medians of their rounds); ` +
      `fitted per task over ${fittedOver}${all || a.fittedOn.length === 0 ? '' : ' (the sizes every rung could use)'}, ${formatCount(workers, 'worker')} on ${formatCount(cores, 'core')}${resampled ? ', with 95% intervals from a seeded bootstrap over rounds' : ''}: ` +
      `a task to a worker thread ${withInterval(e.thread, us)}, to a process ${withInterval(e.process, us)}, a job through the queue ${withInterval(e.queue, us)}. ` +
      `Step by step, in ratios of fitted costs: ${steps.map((step) => stepPhrase(step, resampled)).join('; ')}.` +
      (Number.isFinite(queueOverSwitch.value)
        ? ` A job through the queue costs ${intervalKnown(queueOverSwitch) ? `${withInterval(queueOverSwitch, times)} a switch (the queue's interval over the switch's median)` : `${times(queueOverSwitch.value)} a switch, too few rounds for an interval`}.`
        : ''),
    `On this machine a worker thread ${paysFrom(thread, a.usPerUnit)}; a process ${paysFrom(process, a.usPerUnit)}; the queue ${paysFrom(queue, a.usPerUnit)}.`,
    a.usable < 2
      ? 'With one usable core no rung can pay: handing work over only adds its cost.'
      : `A task must carry clearly more work than its rung's hand-over cost before sharing it over ${a.usable} cores wins that cost back; ` +
        `a queue pays when tasks are big, or when the workers are on other machines with cores of their own.`,
    ...(leftOut.length === 0
      ? []
      : [`The fitted costs leave the impossible points out (not clamped to zero), as granularity's do: ${leftOut.join('; ')}. Every rung is fitted on the same sizes, those possible for all (${fittedOver}), so that their costs compare the same work.`]),
  ];
}
