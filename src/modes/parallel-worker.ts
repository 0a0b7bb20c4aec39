import { threadId } from 'node:worker_threads';
import { Scheduler, sharedNow } from '../scheduler/index.ts';
import { buildTask } from '../workload/build.ts';
import { cpuKernel } from '../workload/cpu-kernel.ts';
import { arriveAndWait } from './barrier.ts';
import type { TaskReply, WarmUpReply, WarmUpRequest, WorkerRequest } from './worker-protocol.ts';

/** Piscina worker entry: rebuilds the requested task from its spec and runs it on this thread. */
export default async function work(request: WorkerRequest): Promise<TaskReply | WarmUpReply> {
  if (request.kind === 'warm-up') return warmUp(request);
  const scheduler = new Scheduler({ policy: 'fifo', trace: true, clock: sharedNow });
  const handle = scheduler.spawn(request.task, buildTask(request.workload, request.task));
  const report = await scheduler.run();
  const failure = report.failures[0];
  if (failure !== undefined) throw failure;
  if (handle.outcome?.state !== 'done') throw new Error(`task "${request.task}" did not finish (${handle.outcome?.state ?? 'still running'})`);
  return { threadId, checksum: handle.outcome.value.checksum, trace: report.trace! };
}

function warmUp(request: WarmUpRequest): WarmUpReply {
  cpuKernel(request.units, threadId);
  return { threadId, arrived: arriveAndWait(request.barrier, request.parties, request.timeoutMs) };
}
