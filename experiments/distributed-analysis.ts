import { fitDispatch, usPerUnitOf, type DispatchFit, type DispatchSize } from '../src/experiment/dispatch-fit.ts';
import type { ModeName } from '../src/modes/index.ts';
import { formatRatio } from '../src/report/format.ts';
import { us } from './granularity-analysis.ts';

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

export interface LadderAnalysis {
  readonly switchNs: number;
  readonly awaitHopNs: number;
  readonly usPerUnit: number;
  readonly usable: number;
  readonly rungs: readonly RungAnalysis[];
}

/** The two rungs measured on one thread, ns per hand-over. */
export interface OneThreadRungs {
  readonly switchNs: number;
  readonly awaitHopNs: number;
}

/** Each rung's fitted per-task cost and crossover, by the same fit granularity gives the thread pool: against the ideal split of sequential time over min(workers, cores). */
export function analyseLadder(sizes: readonly LadderSize[], oneThread: OneThreadRungs, workers: number, cores: number): LadderAnalysis {
  const usable = Math.min(workers, cores);
  const rungs = RUNGS.map(({ rung, mode, name }): RungAnalysis => ({ ...fitDispatch(sizes, mode, usable), rung, name }));
  return { ...oneThread, usPerUnit: usPerUnitOf(sizes), usable, rungs };
}

/** The rung of that name; every ladder has all three. */
export function rungOf(analysis: LadderAnalysis, rung: Rung): RungAnalysis {
  return analysis.rungs.find((r) => r.rung === rung)!;
}

/** Where a rung starts to pay, said from its crossover. */
export function paysFrom(r: RungAnalysis, usPerUnit: number): string {
  switch (r.crossover.state) {
    case 'crossed':
      return `pays from about ${us(r.crossoverUs)} of work per task (${Math.round(r.crossover.size)} units; slower at ${r.crossover.below}, faster at ${r.crossover.above})`;
    case 'always-faster':
      return `paid at every measured size, down to ${us(r.crossover.smallest * usPerUnit)} per task (${r.crossover.smallest} units)`;
    case 'never-faster':
      return `did not pay even at ${us(r.crossover.largest * usPerUnit)} per task (${r.crossover.largest} units), the largest measured`;
  }
}

/** Sentences from the numbers: the ladder's steps in ratios, and from what task size each rung pays here. */
export function interpretLadder(a: LadderAnalysis, workers: number, cores: number): string[] {
  const thread = rungOf(a, 'thread');
  const process = rungOf(a, 'process');
  const queue = rungOf(a, 'queue');
  const ratio = (x: number, y: number): string => (!(Number.isFinite(x / y) && x / y > 0) ? 'n/a' : x / y >= 100 ? `${Math.round(x / y).toLocaleString('en-US')}x` : formatRatio(x / y));
  const costs = [a.switchNs / 1000, thread.dispatchUs, process.dispatchUs, queue.dispatchUs];
  const ordered = costs.every((c, i) => c > 0 && (i === 0 || c > costs[i - 1]!));
  const lead = ordered ? 'Each rung costs more than the one before' : 'The rungs did not come out in order in this run (a busy machine or too few repeats: rerun on a quiet one)';
  const leftOut = a.rungs.filter((r) => r.leftOut.length > 0).map((r) => `${r.mode} left out ${r.leftOut.join(', ')} units/task`);
  return [
    `${lead}: a switch on one thread ${a.switchNs.toFixed(0)} ns, an await hop ${a.awaitHopNs.toFixed(0)} ns, ` +
      `a task to a worker thread ${us(thread.dispatchUs)}, to a process ${us(process.dispatchUs)}, a job through the queue ${us(queue.dispatchUs)} ` +
      `(fitted per task over every size, ${workers} workers on ${cores} cores). A process costs ${ratio(process.dispatchUs, thread.dispatchUs)} a thread, the queue ${ratio(queue.dispatchUs, process.dispatchUs)} a process and ${ratio(queue.dispatchUs * 1000, a.switchNs)} a switch.`,
    `On this machine a worker thread ${paysFrom(thread, a.usPerUnit)}; a process ${paysFrom(process, a.usPerUnit)}; the queue ${paysFrom(queue, a.usPerUnit)}.`,
    a.usable < 2
      ? 'With one usable core no rung can pay: handing work over only adds its cost.'
      : `A task must carry clearly more work than its rung's hand-over cost before sharing it over ${a.usable} cores wins that cost back; ` +
        `a queue pays when tasks are big, or when the workers are on other machines with cores of their own.`,
    ...(leftOut.length === 0 ? [] : [`The fitted costs leave the impossible points out (not clamped to zero), as granularity's do: ${leftOut.join('; ')}.`]),
  ];
}
