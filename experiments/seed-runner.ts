import { comparedWithRow, fasterOrSlower, verdictBetween } from '../src/experiment/compared-with.ts';
import { medianOverReference } from '../src/experiment/ratio-with-verdict.ts';
import type { Verdict } from '../src/measure/verdict.ts';
import { defineExperiment } from '../src/experiment/define.ts';
import { rowOf } from '../src/experiment/mode-rows.ts';
import { waitFigures, type WaitFigures } from '../src/experiment/wait-figures.ts';
import type { ModeComparison } from '../src/measure/compare-modes.ts';
import type { ModeMeasurement } from '../src/measure/measure-modes.ts';
import type { StepEvent } from '../src/modes/index.ts';
import { checksumWarning } from '../src/report/checksum-warning.ts';
import type { ResultTable, NamedFacts } from '../src/report/experiment-result.ts';
import type { ExplainedRunSpec } from '../src/explain/explained-run.ts';
import type { ExperimentContext } from '../src/experiment/context.ts';
import { formatMs } from '../src/report/format.ts';
import { modeTable } from '../src/report/mode-table.ts';
import type { PolicyName } from '../src/scheduler/index.ts';
import { createRandom } from '../src/workload/random.ts';
import type { PartSpec, WorkloadSpec } from '../src/workload/spec.ts';

/** The article's print labels, task by task; `task1_part4` has none of its own: it delegates to `task1_part1`. */
const articleSteps: readonly (readonly [string, readonly string[]])[] = [
  ['task1_part1', ['task1_part1.1', 'task1_part1.2']],
  ['task1_part2', ['task1_part2.0', 'task1_part2.1', 'task1_part2.2']],
  ['task1_part3', ['task1_part3.1', 'task1_part3.2', 'task1_part3.3', 'task1_part3.4', 'task1_part3.5']],
];
const DELEGATING_TASK = 'task1_part4';

/** How each step waits: `block` is the article's `time.sleep` (Atomics.wait), `wait` a timer. */
export type WaitKind = 'block' | 'wait';
const waitNames: Record<WaitKind, string> = { block: 'blocking waits', wait: 'timer waits' };

/**
 * One wait length per labelled step, drawn like the article's `random.random()/2` seconds
 * but scaled down: 1-10 ms for a quick run, 1-50 ms for a full one. Same seed, same lengths.
 */
export function articleWaitLengths(quick: boolean, seed: number): { lengths: number[]; maxMs: number } {
  const maxMs = quick ? 10 : 50;
  const random = createRandom(seed);
  const steps = articleSteps.reduce((n, [, labels]) => n + labels.length, 0);
  return { lengths: Array.from({ length: steps }, () => random.int(1, maxMs)), maxMs };
}

/** The article's four tasks as a workload: every step prints its label (a part label), waits, yields. */
export function articleWorkload(kind: WaitKind, lengths: readonly number[], description = ''): WorkloadSpec {
  let next = 0;
  const tasks = articleSteps.map(([name, labels]) => ({
    name,
    parts: labels.map((label): PartSpec => ({ kind, ms: lengths[next++] ?? 1, label })),
  }));
  return {
    name: waitNames[kind],
    description,
    tasks: [...tasks, { name: DELEGATING_TASK, parts: [{ kind: 'delegate', task: 'task1_part1' }] }],
  };
}

/** One step of an execution order: the label the article would print, and the task that printed it. */
export interface OrderStep {
  readonly label: string;
  readonly task: string;
}

/** The steps at which a task entered a new part, in the order they ran: the article's printout. */
export function executionOrder(trace: readonly StepEvent[]): OrderStep[] {
  const current = new Map<string, string>();
  const order: OrderStep[] = [];
  for (const e of trace) {
    if (current.get(e.task) === e.part) continue;
    current.set(e.task, e.part);
    order.push({ label: e.part, task: e.task });
  }
  return order;
}

/** How many times the thread passed from one task to another in an execution order (the trace-wide count is `taskSwitches`, per lane). */
export function orderSwitches(order: readonly OrderStep[]): number {
  return order.reduce((n, step, i) => (i > 0 && step.task !== order[i - 1]!.task ? n + 1 : n), 0);
}

/** An execution order under one policy, as `--json` rows carry it. */
export interface OrderRow {
  readonly policy: PolicyName;
  readonly waits: WaitKind;
  readonly order: readonly string[];
  readonly tasks: readonly string[];
  readonly switches: number;
}

function orderRow(policy: PolicyName, waits: WaitKind, run: ModeMeasurement | undefined): OrderRow {
  const order = executionOrder(run?.lastRun.trace ?? []);
  return { policy, waits, order: order.map((s) => s.label), tasks: order.map((s) => s.task), switches: orderSwitches(order) };
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

export const seedRunner = defineExperiment<SeedRunnerMeasured, SeedRunnerRow, SeedRunnerFacts>('seed-runner', {
  question: "In what order does the article's runner really run its tasks, and what do its blocking waits cost against timer waits?",
  about: 'The article\'s four tasks under fifo (its code) and round-robin (its text), labelled step by step; then the same steps waiting, blocking the thread or on timers.',
  timelineByDefault: true,
  commonSettings: ['repeats', 'warmups', 'seed', 'quick'],
  explain: seedRunnerExplained,

  async measure(kit) {
    const { seed, quick } = kit.context;
    const { lengths, maxMs } = articleWaitLengths(quick, seed);
    const description = (kind: WaitKind): string =>
      `4 tasks, ${lengths.length + 2} steps, each ${kind === 'block' ? 'blocking the thread' : 'on a timer'} for 1-${maxMs} ms (seed ${seed})`;
    const block = articleWorkload('block', lengths, description('block'));
    const wait = articleWorkload('wait', lengths, description('wait'));
    const blockRuns = await kit.measure(block, ['sequential', 'interleaved']);
    const waitRuns = await kit.measure(wait, ['sequential', 'interleaved']);
    // sequential is the scheduler under fifo, interleaved under round-robin: their traces are the orders.
    const orders = [
      orderRow('fifo', 'block', blockRuns.measurements[0]),
      orderRow('round-robin', 'block', blockRuns.measurements[1]),
      orderRow('fifo', 'wait', waitRuns.measurements[0]),
      orderRow('round-robin', 'wait', waitRuns.measurements[1]),
    ];
    return { maxMs, block, wait, orders, blockRows: blockRuns.rows, waitRows: waitRuns.rows };
  },

  analyse({ maxMs, block, wait, orders, blockRows, waitRows }) {
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
  },
});

/** `--explain`, `--html`: the article's tasks under fifo and round-robin with blocking waits, and round-robin with timer waits. */
export function seedRunnerExplained(context: ExperimentContext): ExplainedRunSpec[] {
  const { lengths } = articleWaitLengths(context.quick, context.seed);
  return [
    { title: "fifo (the article's code)", policy: 'fifo', workload: articleWorkload('block', lengths) },
    { title: 'round-robin (its text)', policy: 'round-robin', workload: articleWorkload('block', lengths) },
    { title: 'round-robin, timer waits', policy: 'round-robin', workload: articleWorkload('wait', lengths) },
  ];
}
