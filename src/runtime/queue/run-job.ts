import { hostname } from 'node:os';
import { cpuMsSince, cpuNow } from '../cpu-time.ts';
import { runTasksHere } from '../run-here.ts';
import { FAULT_EXIT_CODE } from '../../workload/fault.ts';
import type { ClockOffset, JobData, JobResult, JobSteps } from './job-protocol.ts';

const host = hostname();

/**
 * Ends this worker process for a task's `exit` fault with exit code 3, as the processes mode's
 * children and the pool's worker threads end, and for `exhaust-memory` with 1 at once (a process
 * without a heap limit of its own would take the machine's memory first). The parent names the task.
 */
function endProcess(how: 'exit' | 'exhaust-memory'): never {
  process.exit(how === 'exit' ? FAULT_EXIT_CODE : 1);
}

/**
 * Rebuilds the job's task from its spec and runs it on this thread under its own scheduler, as a
 * worker thread does (`runTasksHere`); the steps come back with the result, on this process's `sharedNow()` clock.
 */
export async function runJob(data: JobData, attempt: number, clock: ClockOffset): Promise<JobResult> {
  const cpu = cpuNow();
  const { checksums, trace } = await runTasksHere(data.workload, [data.task], 'fifo', data.steps, endProcess);
  const cpuMs = cpuMsSince(cpu);
  // The trace's columns are already trimmed to its count (StepRecorder.finish).
  const steps: JobSteps | undefined =
    trace === undefined
      ? undefined
      : { labels: trace.labels, label: Array.from(trace.label), start: Array.from(trace.start), end: Array.from(trace.end), endedBy: Array.from(trace.endedBy) };
  return { checksum: checksums[0]!, host, pid: process.pid, attempt, cpuMs, clock, ...(steps !== undefined && { steps }) };
}
