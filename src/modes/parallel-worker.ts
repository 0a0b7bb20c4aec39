import { threadId } from 'node:worker_threads';
import { Scheduler, sharedNow, type PolicyName, type TaskHandle } from '../scheduler/index.ts';
import { buildTask, type TaskOutput } from '../workload/build.ts';
import { cpuKernel } from '../workload/cpu-kernel.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { arriveAndWait } from './barrier.ts';
import { endWorkerThread } from './end-worker-thread.ts';
import type { BatchReply, TaskReply, WarmUpReply, WarmUpRequest, WorkerReply, WorkerRequest } from './worker-protocol.ts';

/**
 * Piscina worker entry: rebuilds the requested tasks from their spec and runs them on this
 * thread, one task alone (parallel mode) or a batch interleaved round-robin (hybrid mode).
 */
export default async function work(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.kind) {
    case 'warm-up':
      return warmUp(request);
    case 'task': {
      const { checksums, trace } = await runHere(request.workload, [request.task], 'fifo');
      return { threadId, checksum: checksums[0]!, trace } satisfies TaskReply;
    }
    case 'batch':
      return { threadId, ...(await runHere(request.workload, request.tasks, 'round-robin')) } satisfies BatchReply;
  }
}

async function runHere(workload: WorkloadSpec, tasks: readonly string[], policy: PolicyName): Promise<Omit<BatchReply, 'threadId'>> {
  const scheduler = new Scheduler({ policy, trace: true, clock: sharedNow });
  const handles: TaskHandle<TaskOutput>[] = tasks.map((task) => scheduler.spawn(task, buildTask(workload, task, { endThread: endWorkerThread })));
  const report = await scheduler.run();
  const failure = report.failures[0];
  if (failure !== undefined) throw failure;
  const checksums = handles.map((handle, i) => {
    if (handle.outcome?.state !== 'done') throw new Error(`task "${tasks[i]}" did not finish (${handle.outcome?.state ?? 'still running'})`);
    return handle.outcome.value.checksum;
  });
  return { checksums, trace: report.trace! };
}

function warmUp(request: WarmUpRequest): WarmUpReply {
  cpuKernel(request.units, threadId);
  return { threadId, arrived: arriveAndWait(request.barrier, request.parties, request.timeoutMs) };
}
