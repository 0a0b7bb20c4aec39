import { defineExperiment } from '../../src/experiment/define.ts';
import type { ModeMeasurement } from '../../src/measure/measure-modes.ts';
import type { StepEvent } from '../../src/modes/index.ts';
import type { ExplainedRunSpec } from '../../src/explain/explained-run.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import type { PolicyName } from '../../src/scheduler/index.ts';
import { createRandom } from '../../src/workload/random.ts';
import type { PartSpec, WorkloadSpec } from '../../src/workload/spec.ts';
import { analyseSeedRunner, type SeedRunnerSettings, type OrderRow, type SeedRunnerFacts, type SeedRunnerMeasured, type SeedRunnerRow, type WaitKind } from './analysis.ts';

export {
  analyseSeedRunner,
  interpretSeedRunner,
  type OrderRow,
  type SeedFacts,
  type SeedRunnerFacts,
  type SeedRunnerMeasured,
  type SeedRunnerRow,
  type WaitKind,
} from './analysis.ts';

/** The article's print labels, task by task; `task1_part4` has none of its own: it delegates to `task1_part1`. */
const articleSteps: readonly (readonly [string, readonly string[]])[] = [
  ['task1_part1', ['task1_part1.1', 'task1_part1.2']],
  ['task1_part2', ['task1_part2.0', 'task1_part2.1', 'task1_part2.2']],
  ['task1_part3', ['task1_part3.1', 'task1_part3.2', 'task1_part3.3', 'task1_part3.4', 'task1_part3.5']],
];
const DELEGATING_TASK = 'task1_part4';

/** What each kind of wait is called, as the name of its workload. */
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

function orderRow(policy: PolicyName, waits: WaitKind, run: ModeMeasurement | undefined): OrderRow {
  const order = executionOrder(run?.lastRun.trace ?? []);
  return { policy, waits, order: order.map((s) => s.label), tasks: order.map((s) => s.task), switches: orderSwitches(order) };
}

export const seedRunner = defineExperiment<SeedRunnerMeasured, SeedRunnerRow, SeedRunnerFacts, SeedRunnerSettings>('seed-runner', {
  comparable: ['quick', 'seed', 'waits'],
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

  analyse: analyseSeedRunner,
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
