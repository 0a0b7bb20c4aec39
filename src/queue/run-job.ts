import { hostname } from 'node:os';
import { Scheduler, sharedNow } from '../scheduler/index.ts';
import { buildTask, type TaskOutput } from '../workload/build.ts';
import type { ClockOffset, JobData, JobResult, JobSteps } from './job-protocol.ts';

const host = hostname();

/**
 * Ends this worker process for a task's `exit` or `exhaust-memory` fault (a process without a heap
 * limit of its own would take the machine's memory first): the queue's stalled-job check hands the job to another worker.
 */
function endProcess(): never {
  process.exit(1);
}

/**
 * Rebuilds the job's task from its spec and runs it on this thread under its own scheduler, as a
 * worker thread does; the steps come back with the result, on this process's `sharedNow()` clock.
 */
export async function runJob(data: JobData, attempt: number, clock: ClockOffset): Promise<JobResult> {
  const scheduler = new Scheduler({ policy: 'fifo', clock: sharedNow, trace: data.steps });
  const handle = scheduler.spawn(data.task, buildTask(data.workload, data.task, { endThread: endProcess }));
  const cpu = process.cpuUsage();
  const report = await scheduler.run();
  const used = process.cpuUsage(cpu);
  const failure = report.failures[0];
  if (failure !== undefined) throw failure;
  const outcome = handle.outcome;
  if (outcome?.state !== 'done') throw new Error(`task "${data.task}" did not finish (${outcome?.state ?? 'still running'})`);
  const trace = report.trace;
  const steps: JobSteps | undefined =
    trace === undefined
      ? undefined
      : { labels: trace.labels, label: Array.from(trace.label.subarray(0, trace.count)), start: Array.from(trace.start.subarray(0, trace.count)), end: Array.from(trace.end.subarray(0, trace.count)), endedBy: Array.from(trace.endedBy.subarray(0, trace.count)) };
  return { checksum: (outcome.value as TaskOutput).checksum, host, pid: process.pid, attempt, cpuMs: (used.user + used.system) / 1000, clock, ...(steps !== undefined && { steps }) };
}
