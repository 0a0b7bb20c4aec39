import { Scheduler, sharedNow, type PolicyName } from '../scheduler/index.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { cpuMsSince, cpuNow } from '../runtime/cpu-time.ts';
import { RunFailedError } from './errors.ts';
import { gcMarks, gcShareOf, takeGc, watchGc } from '../runtime/gc-marks.ts';
import { kernelUsPerUnit } from '../runtime/kernel-calibration.ts';
import { defineMode, type ModeRunOptions } from './mode.ts';
import type { RunResult } from '../runtime/run-result.ts';
import { checksumsOf, spawnTasks } from '../runtime/scheduled-tasks.ts';
import { taskSpans, stepEvents } from './step-events.ts';

/** Runs every task of the workload on this thread under one scheduler policy, traced unless `steps` is false. */
export async function runOnScheduler<M extends string>(mode: M, policy: PolicyName, workload: WorkloadSpec, options: ModeRunOptions = {}): Promise<RunResult<M>> {
  const { steps, pool, ...stop } = options;
  const scheduler = new Scheduler({ policy, trace: steps !== false, clock: sharedNow, failFast: true, ...stop });
  const handles = spawnTasks(scheduler, workload, workload.tasks);
  watchGc();
  takeGc();
  const cpu = cpuNow();
  const report = await scheduler.run();
  const cpuMs = cpuMsSince(cpu);
  const gc = gcMarks(takeGc(), 0, report.startMs, report.endMs, report.startMs);
  let checksumList: number[];
  try {
    checksumList = checksumsOf(report, handles);
  } catch (error) {
    throw new RunFailedError(mode, workload.name, error);
  }
  const usPerUnit = kernelUsPerUnit();
  const loneUsPerUnit = pool === undefined ? undefined : await pool.loneWorkerUsPerUnit();
  const checksums = new Map(workload.tasks.map((task, i) => [task.name, checksumList[i]!]));
  const trace = report.trace === undefined ? [] : stepEvents(report.trace, 0, report.startMs);
  return {
    mode,
    workload: workload.name,
    threads: 1,
    wallMs: report.endMs - report.startMs,
    cpuMs,
    kernelUsPerUnit: usPerUnit,
    ...(loneUsPerUnit !== undefined && { loneWorkerUsPerUnit: loneUsPerUnit }),
    gc,
    gcShare: gcShareOf(gc, report.endMs - report.startMs),
    tasks: taskSpans(trace, checksums),
    trace,
    lanes: ['main'],
    policy,
  };
}

/** A mode that runs every task on this thread under one scheduler policy: it needs nothing but this thread. */
export function schedulerMode<const N extends string>(name: N, policy: PolicyName, summary: string) {
  return defineMode({ name, summary, run: (workload: WorkloadSpec, options?: ModeRunOptions) => runOnScheduler(name, policy, workload, options) });
}
