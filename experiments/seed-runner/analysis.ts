import type { Analysis } from '../../src/experiment/define.ts';
import { comparedWithRow, fasterOrSlower, verdictBetween } from '../../src/experiment/compared-with.ts';
import { medianOverReference } from '../../src/experiment/ratio-with-verdict.ts';
import type { Verdict } from '../../src/measure/verdict.ts';
import { rowOf } from '../../src/experiment/mode-rows.ts';
import { waitFigures, type WaitFigures } from '../../src/experiment/wait-figures.ts';
import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import { checksumWarning } from '../../src/report/checksum-warning.ts';
import type { ResultTable, NamedFacts } from '../../src/report/experiment-result.ts';
import { formatMs } from '../../src/report/format.ts';
import { modeTable } from '../../src/report/mode-table.ts';
import type { PolicyName } from '../../src/scheduler/index.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';

/** How each step waits: `block` is the article's `time.sleep` (Atomics.wait), `wait` a timer. */
export type WaitKind = 'block' | 'wait';

/** An execution order under one policy, as `--json` rows carry it. */
export interface OrderRow {
  readonly policy: PolicyName;
  readonly waits: WaitKind;
  readonly order: readonly string[];
  readonly tasks: readonly string[];
  readonly switches: number;
}

/** What the timing rows are judged against, from the workload itself. */
export type SeedFacts = Pick<WaitFigures, 'sumOfWaitsMs' | 'longestTaskWaitMs' | 'longestTask'>;

/** Sentences about the orders and the timings; every figure and verdict comes from the arguments. */
export function interpretSeedRunner(orders: readonly OrderRow[], block: readonly ModeComparison[], wait: readonly ModeComparison[], facts: SeedFacts): string[] {
  const order = (policy: PolicyName, waits: WaitKind): OrderRow => orders.find((o) => o.policy === policy && o.waits === waits)!;
  const mode = rowOf;
  const fifo = order('fifo', 'block');
  const rr = order('round-robin', 'block');
  const fifoRunsToEnd = fifo.switches === new Set(fifo.tasks).size - 1;
  const fifoTimers = orders.find((o) => o.policy === 'fifo' && o.waits === 'wait');
  const sameWithTimers = fifoTimers !== undefined && fifoTimers.order.join() === fifo.order.join();
  const blockRatio = mode(block, 'interleaved').medianMs / mode(block, 'sequential').medianMs;
  const blockVerdict = verdictBetween(mode(block, 'interleaved'), mode(block, 'sequential'));
  const waitInterleaved = mode(wait, 'interleaved');
  const notes = [
    `fifo ran the ${fifo.order.length} steps with ${fifo.switches} task switches` +
      (fifoRunsToEnd ? `, each task to its end before the next: that is what the article's code does (next() until StopIteration)` : `, so it did NOT run each task to its end`) +
      (fifoTimers === undefined ? '. ' : sameWithTimers ? ', in the same order with timer waits. ' : ', in a DIFFERENT order with timer waits. ') +
      `round-robin switched task ${rr.switches} times in ${Math.max(rr.order.length - 1, 0)} hand-overs (${rr.order.slice(0, 4).join(', ')}, ...): ` +
      `that is what the article's text describes.`,
    `With blocking waits (Atomics.wait, like time.sleep), interleaved against sequential: ${fasterOrSlower(1 / blockRatio, blockVerdict)} ` +
      `(${formatMs(mode(block, 'interleaved').medianMs)} vs ${formatMs(mode(block, 'sequential').medianMs)} ms; the waits add up to ${formatMs(facts.sumOfWaitsMs)} ms): ` +
      blockingReading(blockVerdict, blockRatio),
    `With timer waits interleaved took ${formatMs(waitInterleaved.medianMs)} ms against sequential's ${formatMs(mode(wait, 'sequential').medianMs)} ms ` +
      `(${comparedWithRow(waitInterleaved, mode(wait, 'sequential'))}), ` +
      `${medianOverReference(waitInterleaved.samples.map((x) => x.wallMs), waitInterleaved.medianMs, facts.longestTaskWaitMs)} the longest task's own waits (${formatMs(facts.longestTaskWaitMs)} ms, ${facts.longestTask}): ` +
      (waitInterleaved.speedup >= 1.5
        ? 'a task waiting on a timer parks and the others run, so the waits overlapped.'
        : 'the waits did NOT overlap as they should.'),
  ];
  return [...checksumWarning([...block, ...wait]), ...notes];
}

/** What the blocking-wait times say, by the paired verdict (by the ratio alone, as a reading, with too few repeats): blocked threads overlap nothing. */
function blockingReading(verdict: Verdict | undefined, ratio: number): string {
  switch (verdict?.state) {
    case 'same':
      return 'a blocked thread runs nothing else, so round-robin changed the order but not the total.';
    case 'slower':
      return 'a blocked thread runs nothing else, and round-robin took measurably longer in total.';
    case 'faster':
      return 'less than blocking waits allow: they overlap nothing, and this run does not show what else made the sequential rounds slower.';
    default:
      return ratio >= 0.8
        ? 'a blocked thread runs nothing else, so round-robin can change the order but not the total (too few repeats to test that here).'
        : 'less than blocking waits allow: they overlap nothing, and this run does not show what else made the sequential rounds slower.';
  }
}

/** The orders side by side, one row per step; a delegated step names the task that ran it. */
function orderTable(columns: readonly [string, OrderRow][]): ResultTable {
  const steps = Math.max(...columns.map(([, o]) => o.order.length));
  const cell = (o: OrderRow, i: number): string => {
    const label = o.order[i];
    if (label === undefined) return '';
    return label.startsWith(`${o.tasks[i]}.`) ? label : `${label} (in ${o.tasks[i]})`;
  };
  return {
    title: 'execution order: the label each step prints, as the article does',
    head: ['step', ...columns.map(([title]) => title)],
    rows: Array.from({ length: steps }, (_, i) => [String(i + 1), ...columns.map(([, o]) => cell(o, i))]),
    align: ['right', ...columns.map(() => 'left' as const)],
  };
}

/** What `measure` hands to `analyse`: the two workloads' rows, and the four execution orders. */
export interface SeedRunnerMeasured {
  readonly maxMs: number;
  readonly block: WorkloadSpec;
  readonly wait: WorkloadSpec;
  readonly orders: readonly OrderRow[];
  readonly blockRows: readonly ModeComparison[];
  readonly waitRows: readonly ModeComparison[];
}

export type SeedRunnerRow = ({ readonly kind: 'order' } & OrderRow) | ({ readonly kind: 'timing' } & ModeComparison);

export type SeedRunnerFacts = NamedFacts<'sumOfWaitsMs' | 'longestTaskWaitMs' | 'blockingInterleavedVsSequential' | 'timerInterleavedSpeedup'>;

/** The settings its result states beyond the common ones. */
export type SeedRunnerSettings = { waits: string };

/** Tables, facts and sentences, from the four execution orders and both workloads' compared rows. */
export function analyseSeedRunner({ maxMs, block, wait, orders, blockRows, waitRows }: SeedRunnerMeasured): Analysis<SeedRunnerRow, SeedRunnerFacts, SeedRunnerSettings> {
  const facts = waitFigures(block, 1);
  return {
    settings: { waits: `1-${maxMs} ms (the article's 0-500 ms scaled down)` },
    tables: [
      orderTable([
        ["fifo (the article's code)", orders[0]!],
        ['round-robin (its text)', orders[1]!],
        ['round-robin, timer waits (first woken, first run)', orders[3]!],
      ]),
      modeTable(`${block.name}: ${block.description}`, blockRows),
      modeTable(`${wait.name}: ${wait.description}`, waitRows),
    ],
    rows: [...orders.map((o) => ({ kind: 'order' as const, ...o })), ...[...blockRows, ...waitRows].map((r) => ({ kind: 'timing' as const, ...r }))],
    facts: {
      sumOfWaitsMs: facts.sumOfWaitsMs,
      longestTaskWaitMs: facts.longestTaskWaitMs,
      blockingInterleavedVsSequential: rowOf(blockRows, 'interleaved').medianMs / rowOf(blockRows, 'sequential').medianMs,
      timerInterleavedSpeedup: rowOf(waitRows, 'interleaved').speedup,
    },
    notes: interpretSeedRunner(orders, blockRows, waitRows, facts),
  };
}
