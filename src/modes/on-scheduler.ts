import { Scheduler, sharedNow, type PolicyName, type TaskHandle } from '../scheduler/index.ts';
import { buildTaskOf, type TaskOutput } from '../workload/build.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { cpuMsSince, cpuNow } from './cpu-time.ts';
import { RunFailedError } from './errors.ts';
import { gcMarks, gcShareOf, takeGc, watchGc } from './gc-marks.ts';
import { kernelUsPerUnit } from './kernel-calibration.ts';
import type { LabPool } from './pool.ts';
import type { ModeName, RunResult } from './run-result.ts';
import { taskSpans, traceEvents } from './trace-events.ts';

export interface OneThreadRunOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  /** Record every step (default true); false runs untraced, as `--no-steps`: no timeline. */
  readonly steps?: boolean;
  /** When given, a lone worker of its times the same kernel block after the run, as the like-for-like reference. */
  readonly pool?: LabPool;
}

/** Runs every task of the workload on this thread under one scheduler policy, traced unless `steps` is false. */
export async function runOnScheduler(mode: ModeName, policy: PolicyName, workload: WorkloadSpec, options: OneThreadRunOptions = {}): Promise<RunResult> {
  const { steps, pool, ...stop } = options;
  const scheduler = new Scheduler({ policy, trace: steps !== false, clock: sharedNow, failFast: true, ...stop });
  const handles: [string, TaskHandle<TaskOutput>][] = workload.tasks.map((t) => [t.name, scheduler.spawn(t.name, buildTaskOf(workload, t))]);
  watchGc();
  takeGc();
  const cpu = cpuNow();
  const report = await scheduler.run();
  const cpuMs = cpuMsSince(cpu);
  const gc = gcMarks(takeGc(), 0, report.startMs, report.endMs, report.startMs);
  const usPerUnit = kernelUsPerUnit();
  const loneUsPerUnit = pool === undefined ? undefined : await pool.loneWorkerUsPerUnit();
  const failure = report.failures[0];
  if (failure !== undefined) throw new RunFailedError(mode, workload.name, failure);
  if (report.aborted !== undefined) throw new RunFailedError(mode, workload.name, report.aborted.reason);
  const checksums = new Map(handles.map(([name, handle]) => [name, (handle.outcome as { value: TaskOutput }).value.checksum]));
  const trace = report.trace === undefined ? [] : traceEvents(report.trace, 0, report.startMs);
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
