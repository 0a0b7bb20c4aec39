import { processPoolResource, resourcesOf } from '../../src/modes/index.ts';
import { defineExperiment } from '../../src/experiment/define.ts';
import { rowOf, type ModeFigures } from '../../src/experiment/mode-rows.ts';
import { alternate } from '../../src/measure/alternate.ts';
import { median } from '../../src/measure/stats.ts';
import { nsPerSwitch } from '../../src/measure/switch-cost.ts';
import { ProcessPool, type ModeName, type TaskRun } from '../../src/modes/index.ts';
import { assertQueuePackagesInstalled } from '../../src/runtime/queue-packages.ts';
import { RedisServerMissingError } from '../../src/runtime/queue/errors.ts';
import { findRedisServer } from '../../src/runtime/queue/redis-server.ts';
import { cpuCostNote } from '../../src/report/cpu-cost.ts';
import { checksumWarning } from '../../src/report/checksum-warning.ts';
import type { NamedFacts } from '../../src/report/experiment-result.ts';
import { formatMs, formatRatio } from '../../src/report/format.ts';
import { splitWorkWorkload } from '../../src/workload/presets.ts';
import { analyseLadder, interpretLadder, RUNGS, rungOf, type LadderSize, type OneThreadRungs } from './analysis.ts';
import { granularityPlan } from '../granularity/index.ts';
import { us } from '../granularity/analysis.ts';

export { analyseLadder, interpretLadder, type LadderAnalysis, type LadderSize } from './analysis.ts';

/** Sequential, and the three rungs that hand tasks over, all with the same worker count. */
const MODES: readonly ModeName[] = ['sequential', 'piscina', 'processes', 'distributed'];
/** Tasks that take turns in the switch and await-hop figures, as in scheduler-overhead. */
const SWITCH_TASKS = 10;
/** Sizes worth a timeline: 64 small jobs show the gaps between hand-overs, 4 large ones show none. */
const DRAWN_TASK_COUNTS: readonly number[] = [64, 4];

/** Who ran the queue's jobs: each worker process (host and pid), how many jobs, how many of them a second attempt. */
export interface QueueWorkerCount {
  readonly worker: string;
  readonly jobs: number;
  readonly retried: number;
}

/** What `measure` hands to `analyse`. */
export interface DistributedMeasured {
  readonly plan: { readonly totalUnits: number; readonly sizes: readonly number[] };
  readonly workers: number;
  readonly redis: string;
  readonly oneThread: OneThreadRungs;
  readonly sizes: readonly LadderSize[];
  /** The queue's workers over the last run of every size. */
  readonly queueWorkers: readonly QueueWorkerCount[];
}

export type DistributedRow = ModeFigures & { readonly unitsPerTask: number; readonly tasks: number; readonly overheadUsPerTask: number };

export type DistributedFacts = NamedFacts<'cores' | 'workers' | 'switchNs' | 'awaitHopNs' | 'threadDispatchUs' | 'processDispatchUs' | 'queueDispatchUs' | 'threadCrossoverUs' | 'processCrossoverUs' | 'queueCrossoverUs' | 'usPerUnit' | 'queueWorkerProcesses' | 'queueJobsRetried'>;

/** The settings its result states beyond the common ones. */
type DistributedSettings = { totalUnits: number; sizes: string; workers: number; redis: string };

export const distributed = defineExperiment<DistributedMeasured, DistributedRow, DistributedFacts, DistributedSettings>('distributed', {
  // The worker count defaults to the threads, the seed sets nothing here (split work), and `redis` only describes the server.
  comparable: ['quick', 'totalUnits', 'sizes'],
  question: 'What does each rung of handing work over cost, from a switch on one thread to a job through a queue, and from what task size does each pay?',
  about: 'The same CPU work cut into tasks of growing size, handed to worker threads, to processes and through a BullMQ queue on Redis with the same worker count, beside a switch and an await hop: the cost of each rung and the size from which it pays.',
  // Two quick repeats: a thousand jobs through the queue per round keep --quick under half a minute.
  defaults: { repeats: 5, quickRepeats: 2 },

  async measure(kit) {
    const { quick, workers, repeats, warmups, onProgress, redis: redisFlag } = kit.context;
    const plan = granularityPlan(quick);
    const switches = quick ? 200_000 : 1_000_000;
    // Without BullMQ and ioredis, without redis-server, or with nothing answering at --redis, this fails here, in one line, before anything is
    // measured; but nothing starts yet, so that no idle redis-server or worker process shares the cores with the ns timings.
    assertQueuePackagesInstalled('distributed');
    if (redisFlag === undefined) {
      if (findRedisServer() === undefined) throw new RedisServerMissingError();
    } else {
      const { checkReachable, LAB_REDIS_REMEDY } = await import('../../src/runtime/queue/redis-probe.ts');
      await checkReachable(redisFlag, LAB_REDIS_REMEDY);
    }
    const samples = await alternate(['scheduler', 'await'] as const, (kind) => nsPerSwitch(kind, SWITCH_TASKS, switches), {
      repeats,
      warmups: Math.max(warmups, 1),
      onRound: (kind, phase, repeat, of) => onProgress({ label: kind === 'await' ? 'await hop' : 'switch', phase, repeat, of }),
    });
    const oneThread = { switchNs: median(samples.get('scheduler')!), awaitHopNs: median(samples.get('await')!) };
    // Redis and its workers after the timings on one thread.
    const queue = await kit.sharedQueue();
    const processPool = await ProcessPool.start({ processes: workers });
    const ranOn: TaskRun[] = [];
    try {
      const sizes = await kit.withPool(workers, async (pool) => {
        const measured: LadderSize[] = [];
        for (const unitsPerTask of plan.sizes) {
          const workload = splitWorkWorkload({ totalUnits: plan.totalUnits, unitsPerTask });
          const { rows, measurements } = await kit.measure(workload, MODES, { pool, resources: resourcesOf([processPoolResource, processPool]), draw: DRAWN_TASK_COUNTS.includes(workload.tasks.length) });
          ranOn.push(...rowOf(measurements, 'distributed').lastRun.tasks);
          measured.push({ unitsPerTask, tasks: workload.tasks.length, rows });
        }
        return measured;
      });
      return { plan, workers, redis: queue.redisDescription, oneThread, sizes, queueWorkers: countByWorker(ranOn) };
    } finally {
      await processPool.close();
    }
  },

  analyse({ plan, workers, redis, oneThread, sizes, queueWorkers }, context) {
    const cores = context.machine.availableParallelism;
    const a = analyseLadder(sizes, oneThread, workers, cores);
    const [thread, process, queue] = [rungOf(a, 'thread'), rungOf(a, 'process'), rungOf(a, 'queue')];
    const cell = (s: LadderSize, mode: ModeName): ModeFigures => rowOf(s.rows, mode);
    const allRows = sizes.flatMap((s) => s.rows);
    return {
      settings: { totalUnits: plan.totalUnits, sizes: plan.sizes.join(' '), workers, redis },
      tables: [
        {
          title: `the ladder: what handing work over costs, each figure measured in this run (${workers} workers, ${cores} cores)`,
          head: ['rung', 'cost per hand-over', 'vs a switch', 'pays from (work per task)'],
          rows: [
            ['a switch on one thread (lab scheduler)', `${oneThread.switchNs.toFixed(1)} ns`, '1x', '-'],
            ['an await hop', `${oneThread.awaitHopNs.toFixed(1)} ns`, formatRatio(oneThread.awaitHopNs / oneThread.switchNs), '-'],
            ...RUNGS.map(({ rung, name }) => {
              const r = rungOf(a, rung);
              return [name, us(r.dispatchUs), timesASwitch((r.dispatchUs * 1000) / oneThread.switchNs), Number.isNaN(r.crossoverUs) ? r.crossover.state : us(r.crossoverUs)];
            }),
          ],
        },
        {
          title: `${plan.totalUnits} cpu units cut into tasks of ${plan.sizes[0]}-${plan.sizes[plan.sizes.length - 1]} units, on each rung`,
          head: ['units/task', 'tasks', 'work/task', 'sequential ms', 'thread ms', 'speedup', 'process ms', 'speedup', 'queue ms', 'speedup', 'checksums'],
          rows: sizes.map((s) => [
            String(s.unitsPerTask),
            String(s.tasks),
            us(s.unitsPerTask * a.usPerUnit),
            formatMs(cell(s, 'sequential').medianMs),
            ...RUNGS.flatMap(({ mode }) => [formatMs(cell(s, mode).medianMs), formatRatio(cell(s, mode).speedup)]),
            s.rows.every((r) => r.checksumOk) ? 'identical' : 'DIFFERENT',
          ]),
        },
        {
          title: `who ran the queue's jobs (last run of every size), on ${redis}`,
          head: ['worker (host pid)', 'jobs', 'second attempts'],
          rows: queueWorkers.map((w) => [w.worker, String(w.jobs), String(w.retried)]),
        },
      ],
      rows: sizes.flatMap((s) =>
        s.rows.map((r) => {
          const rung = RUNGS.find((g) => g.mode === r.mode);
          const i = sizes.indexOf(s);
          return { ...r, unitsPerTask: s.unitsPerTask, tasks: s.tasks, overheadUsPerTask: rung === undefined ? 0 : rungOf(a, rung.rung).overheadUs[i]! };
        }),
      ),
      facts: {
        cores,
        workers,
        switchNs: oneThread.switchNs,
        awaitHopNs: oneThread.awaitHopNs,
        threadDispatchUs: thread.dispatchUs,
        processDispatchUs: process.dispatchUs,
        queueDispatchUs: queue.dispatchUs,
        threadCrossoverUs: thread.crossoverUs,
        processCrossoverUs: process.crossoverUs,
        queueCrossoverUs: queue.crossoverUs,
        usPerUnit: a.usPerUnit,
        queueWorkerProcesses: queueWorkers.length,
        queueJobsRetried: queueWorkers.reduce((sum, w) => sum + w.retried, 0),
      },
      notes: [...checksumWarning(allRows), ...interpretLadder(a, workers, cores), ...cpuCostNote(sizes[sizes.length - 1]!.rows)],
    };
  },
});

/** "1.2x" near a switch, "6,112x" far above it. */
function timesASwitch(ratio: number): string {
  return ratio >= 100 ? `${Math.round(ratio).toLocaleString('en-US')}x` : formatRatio(ratio);
}

/** Jobs per worker process, from the tasks' `ranOn` and `attempts`. */
export function countByWorker(tasks: readonly TaskRun[]): QueueWorkerCount[] {
  const counts = new Map<string, { jobs: number; retried: number }>();
  for (const t of tasks) {
    const worker = t.ranOn ?? 'unknown';
    const c = counts.get(worker) ?? { jobs: 0, retried: 0 };
    c.jobs++;
    if ((t.attempts ?? 1) > 1) c.retried++;
    counts.set(worker, c);
  }
  return [...counts].map(([worker, c]) => ({ worker, ...c })).sort((x, y) => x.worker.localeCompare(y.worker));
}
