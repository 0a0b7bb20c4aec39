import { alternate } from '../../src/measure/alternate.ts';
import { median } from '../../src/measure/stats.ts';
import { kernelUsPerUnit } from '../../src/runtime/kernel-calibration.ts';
import { sharedNow } from '../../src/scheduler/index.ts';
import { runWorkloadAsync } from './async-reference.ts';
import type { ManyTasksFigures, ManyTasksSetup, OneThreadFigures, ProcessFigures, SchedulerReference, ThreadFigures } from './figures.ts';
import { probeInChild } from './probe.ts';
import { runProcessTasks } from './process-tasks.ts';
import { runWorkloadOnScheduler } from './scheduler-way.ts';
import { manyTasksWorkload } from './workload.ts';

/** What to measure: the sizes, the caps, the task shape. */
export interface ManyTasksPlan extends ManyTasksSetup {
  readonly sizes: readonly number[];
  readonly threadSizes: readonly number[];
  readonly processSizes: readonly number[];
  readonly repeats: number;
  readonly signal?: AbortSignal;
  readonly onStage?: (label: string, index: number, of: number) => void;
}

/** From this size on, each way is timed once, whatever the repeats. */
export const LONE_RUN_FROM = 300_000;

/** The ways timed on this thread, in the order the first round runs them. */
const ONE_THREAD_WAYS = ['scheduler', 'async'] as const;

/** A parked task's timer never fires while the memory child measures it. */
const PARKED_WAIT_MS = 600_000;

/** Runs every measurement of the plan, one at a time, and returns the figures. */
export async function measureManyTasks(plan: ManyTasksPlan): Promise<ManyTasksFigures> {
  const { waitMs, units, signal } = plan;
  const stages = plan.sizes.length + plan.threadSizes.length + plan.processSizes.length;
  let stage = 0;
  // An untimed round first: the first timed size must not pay for compiling either way's code.
  const warmUp = manyTasksWorkload({ tasks: plan.sizes[0] ?? 10, waitMs: 0, units });
  await runWorkloadOnScheduler(warmUp, signal);
  await runWorkloadAsync(warmUp);
  let usPerUnit = Number.POSITIVE_INFINITY;
  const oneThread: OneThreadFigures[] = [];
  for (const tasks of plan.sizes) {
    // The kernel's cost, timed before each size: the fastest block is the one least disturbed by the rest of the machine.
    for (let block = 0; block < 5; block++) usPerUnit = Math.min(usPerUnit, kernelUsPerUnit());
    plan.onStage?.(`${tasks} tasks on one thread`, stage++, stages);
    // A million tasks take tens of seconds a run: the largest sizes are timed once per way.
    const repeats = tasks >= LONE_RUN_FROM ? 1 : plan.repeats;
    // The ways take turns in alternate's balanced order: each runs right after the other once a round, so both inherit the other's garbage alike.
    const runs = await alternate(
      ONE_THREAD_WAYS,
      async (way) => {
        const started = sharedNow();
        const workload = manyTasksWorkload({ tasks, waitMs, units });
        const checksum = way === 'scheduler' ? await runWorkloadOnScheduler(workload, signal) : await runWorkloadAsync(workload);
        return { wallMs: sharedNow() - started, checksum };
      },
      { repeats, warmups: 0 },
    );
    // Bytes do not depend on timing: the two ways' children may share the machine.
    const memory = await Promise.all(ONE_THREAD_WAYS.map((way) => probeInChild({ way, tasks, waitMs: PARKED_WAIT_MS, units }, signal ? { signal } : {})));
    for (const [i, way] of ONE_THREAD_WAYS.entries()) {
      const m = memory[i]!;
      const timed = runs.get(way)!;
      const runsMs = timed.map((run) => run.wallMs);
      oneThread.push({ way, tasks, wallMs: median(runsMs), runsMs, checksum: timed[timed.length - 1]?.checksum ?? 0, heapBytes: m.heapBytes, rssBytes: m.rssBytes, parkedMs: m.parkedMs });
    }
  }
  const threads: ThreadFigures[] = [];
  for (const tasks of plan.threadSizes) {
    plan.onStage?.(`${tasks} worker threads`, stage++, stages);
    const probe = await probeInChild({ way: 'threads', tasks, waitMs, units }, { ...(signal && { signal }), timeoutMs: 900_000 });
    threads.push({ tasks, startMs: probe.startMs, runMs: probe.runMs, rssBytes: probe.rssBytes, checksum: probe.checksum });
  }
  const processes: ProcessFigures[] = [];
  for (const tasks of plan.processSizes) {
    plan.onStage?.(`${tasks} processes`, stage++, stages);
    processes.push(await runProcessTasks({ tasks, waitMs, units }, signal));
  }
  const schedulerReference = await referenceChecksums(plan, oneThread, signal);
  return { waitMs, units, usPerUnit, threadCap: plan.threadCap, processCap: plan.processCap, oneThread, threads, processes, schedulerReference };
}

/**
 * The scheduler's checksum at every size that threads or processes ran and the one-thread ways did not
 * (1 task, the caps): one untimed run each, the reference those rows are compared with.
 */
async function referenceChecksums(plan: ManyTasksPlan, oneThread: readonly OneThreadFigures[], signal?: AbortSignal): Promise<SchedulerReference[]> {
  const timed = new Set(oneThread.filter((o) => o.way === 'scheduler').map((o) => o.tasks));
  const missing = [...new Set([...plan.threadSizes, ...plan.processSizes])].filter((tasks) => !timed.has(tasks)).sort((a, b) => a - b);
  const references: SchedulerReference[] = [];
  for (const tasks of missing) {
    signal?.throwIfAborted();
    references.push({ tasks, checksum: await runWorkloadOnScheduler(manyTasksWorkload({ tasks, waitMs: plan.waitMs, units: plan.units }), signal) });
  }
  return references;
}

/** Powers of ten from 10 up to `max`, then `max` itself if it is not one: the sizes a way is measured at. */
export function sizesUpTo(max: number, from = 10): number[] {
  const sizes: number[] = [];
  for (let n = from; n <= max; n *= 10) sizes.push(n);
  if (sizes[sizes.length - 1] !== max) sizes.push(max);
  return sizes;
}
