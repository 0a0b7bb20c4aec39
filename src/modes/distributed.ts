import { usableCores } from '../runtime/cores.ts';
import type { JobOutcome, QueueRun } from '../runtime/queue/queue-run.ts';
import { stepEndNames } from '../scheduler/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { cpuMsSince, cpuNow } from '../runtime/cpu-time.ts';
import { RunFailedError } from './errors.ts';
import { defineMode, type ModeRunOptions } from './mode.ts';
import { resourceOf } from './resource.ts';
import { queueResource } from './resource-kinds.ts';
import type { RunResult, StepEvent } from '../runtime/run-result.ts';
import { taskSpans } from './step-events.ts';

/**
 * Every task as a job on a BullMQ queue over Redis, consumed by lab worker processes (concurrency 1
 * each, as one worker thread of `parallel`), on this machine or others. Each worker rebuilds its task
 * from the spec in the job and sends back the checksum, its steps, its host and pid. Checksums are
 * keyed by job id, so a job that a second worker redid after the first died counts once.
 */
export async function runDistributed(workload: WorkloadSpec, options: ModeRunOptions = {}): Promise<RunResult<'distributed'>> {
  const given = resourceOf(options.resources, queueResource);
  // Without a given session, as many local workers as the thread pool has threads (or the cores): the same count, for comparison.
  const session = given ?? (await queueResource.open({ threads: 0, processes: 0, workers: options.pool?.threads ?? usableCores() }));
  try {
    const cpu = cpuNow();
    let run: QueueRun;
    try {
      run = await session.run(workload, {
        ...(options.signal !== undefined && { signal: options.signal }),
        ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
        ...(options.steps !== undefined && { steps: options.steps }),
      });
    } catch (error) {
      throw new RunFailedError('distributed', workload.name, error);
    }
    return distributedResult(workload, run, session.workers, cpuMsSince(cpu));
  } finally {
    if (given === undefined) await session.close();
  }
}

/** The run as every mode reports one: one lane per worker process ("host pid N"), steps on the lab's clock. */
export function distributedResult(workload: WorkloadSpec, run: QueueRun, workers: number, labCpuMs: number): RunResult<'distributed'> {
  const laneOf = new Map<string, number>();
  const trace: StepEvent[] = [];
  // Lanes in order of each worker's first step, as the thread modes number theirs: on the lab's clock
  // (each worker's shift applied), since workers on other machines start from clocks of their own.
  const firstStart = (job: JobOutcome): number => {
    const start = job.result.steps?.start[0];
    return start === undefined ? 0 : start + job.shiftMs - run.startMs;
  };
  const byFirstStart = [...run.jobs].sort((a, b) => firstStart(a) - firstStart(b));
  for (const job of byFirstStart) {
    const key = `${job.result.host} pid ${job.result.pid}`;
    if (!laneOf.has(key)) laneOf.set(key, laneOf.size);
    const steps = job.result.steps;
    if (steps === undefined) continue;
    const lane = laneOf.get(key)!;
    const shift = job.shiftMs - run.startMs;
    for (let i = 0; i < steps.start.length; i++) {
      trace.push({ task: job.task, part: steps.labels[steps.label[i]!]!, lane, start: steps.start[i]! + shift, end: steps.end[i]! + shift, endedBy: stepEndNames[steps.endedBy[i]!]! });
    }
  }
  trace.sort((a, b) => a.start - b.start);
  const checksums = new Map(run.jobs.map((j) => [j.task, j.result.checksum]));
  return {
    mode: 'distributed',
    workload: workload.name,
    threads: workers,
    wallMs: run.wallMs,
    // The lab's own CPU (adding jobs, reading completions) plus what each worker reported for its jobs; Redis's is not counted.
    cpuMs: labCpuMs + run.jobs.reduce((sum, j) => sum + j.result.cpuMs, 0),
    tasks: taskSpans(trace, checksums).map((t, i) => ({ ...t, ranOn: `${run.jobs[i]!.result.host} pid ${run.jobs[i]!.result.pid}`, attempts: run.jobs[i]!.result.attempt })),
    trace,
    lanes: [...laneOf.keys()],
  };
}

export const distributedMode = defineMode({
  name: 'distributed',
  needs: queueResource,
  namedOnly: true,
  summary: 'jobs on a BullMQ queue over Redis, consumed by lab worker processes here or on other machines: what a queue hop costs',
  run: runDistributed,
});
