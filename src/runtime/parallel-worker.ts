import { threadId } from 'node:worker_threads';
import type { WorkloadSpec } from '../workload/spec.ts';
import { arriveAndWait } from './barrier.ts';
import { endWorkerThread } from './end-worker-thread.ts';
import { takeGc, watchGc } from './gc-marks.ts';
import { kernelUsPerUnit } from './kernel-calibration.ts';
import { workerData as piscinaWorkerData } from 'piscina';
import { fromTaskNumber, runIdReader, sharedWorkload, stopFlag } from './run-share.ts';
import { runTasksHere } from './run-here.ts';
import { threadCpuMs } from './thread-cpu.ts';
import { labelTable, SharedStepWriter } from './shared-steps.ts';
import type { BatchReply, PoolWorkerData, TaskReply, TaskRequest, WarmUpReply, WarmUpRequest, WorkerReply, WorkerRequest } from './worker-protocol.ts';

/**
 * Piscina worker entry: rebuilds the requested tasks from their spec and runs them on this
 * thread, one task alone (parallel mode) or a batch interleaved round-robin (hybrid mode).
 */
export default async function work(request: WorkerRequest): Promise<WorkerReply> {
  if (typeof request === 'number') return withGc(await runOne(mailboxTask(request)));
  switch (request.kind) {
    case 'warm-up':
      takeGc();
      return warmUp(request);
    case 'task':
      return withGc(await runOne(request));
    case 'batch': {
      const { checksums, trace } = await runTasksHere(request.workload, request.tasks, 'round-robin', request.steps, endWorkerThread);
      return withGc(trace === undefined ? { threadId, checksums } : ({ threadId, checksums, trace } satisfies BatchReply));
    }
  }
}

// This thread's garbage-collection pauses go back with the replies, for the run's timeline and its gcShare.
watchGc();

function withGc(reply: TaskReply | BatchReply | number): TaskReply | BatchReply | number {
  const gc = takeGc();
  if (gc.length === 0) return reply;
  if (typeof reply === 'number') return { threadId, checksum: reply, gc };
  return { ...reply, gc };
}

const mailbox = (piscinaWorkerData as PoolWorkerData | undefined)?.mailbox;
const mailboxRunId = mailbox === undefined ? undefined : runIdReader(mailbox);

/** A task number names a task of the run now in the pool's mailbox. */
function mailboxTask(n: number): TaskRequest {
  if (mailbox === undefined || mailboxRunId === undefined) throw new Error('a task number came to a worker without a mailbox');
  const { task, steps } = fromTaskNumber(n);
  return { kind: 'task', run: mailboxRunId(), share: mailbox, task, steps };
}

/** The run this worker is serving: its workload decoded once, its ids, and its step buffer. */
interface RunState {
  readonly id: number;
  readonly workload: WorkloadSpec;
  readonly labelIds: ReadonlyMap<string, number>;
  readonly stop: Int32Array;
  steps: SharedStepWriter | undefined;
}

/** The runs this worker serves, newest last; a few, for runs that share the pool at the same time. */
const runs = new Map<number, RunState>();
const RUNS_KEPT = 4;

function runState(request: TaskRequest): RunState {
  let run = runs.get(request.run);
  if (run === undefined) {
    const workload = sharedWorkload(request.share);
    run = { id: request.run, workload, labelIds: new Map(labelTable(workload).map((label, i) => [label, i])), stop: stopFlag(request.share), steps: undefined };
    runs.set(request.run, run);
    if (runs.size > RUNS_KEPT) runs.delete(runs.keys().next().value!);
  }
  return run;
}

/** Runs one task; the reply is the bare checksum unless there is a step buffer to hand over. */
async function runOne(request: TaskRequest): Promise<TaskReply | number> {
  const run = runState(request);
  if (Atomics.load(run.stop, 0) === 1) return { threadId, checksum: 0, skipped: true };
  const spec = run.workload.tasks[request.task];
  if (spec === undefined) throw new RangeError(`workload "${run.workload.name}" has no task number ${request.task}`);
  const writer = request.steps ? (run.steps ??= new SharedStepWriter()) : undefined;
  const from = writer?.recorder.count ?? 0;
  const { checksums, trace } = await runTasksHere(run.workload, [spec], 'fifo', writer?.recorder ?? false, endWorkerThread);
  const checksum = checksums[0]!;
  if (trace === undefined || writer === undefined) return checksum;
  writer.commit(from, request.task, trace.labels, run.labelIds);
  if (!writer.unsent) return checksum;
  writer.unsent = false;
  return { threadId, checksum, steps: writer.buffer };
}

function warmUp(request: WarmUpRequest): WarmUpReply {
  const usPerUnit = request.units > 0 ? kernelUsPerUnit(request.units) : undefined;
  const arrived = arriveAndWait(request.barrier, request.parties, request.timeoutMs);
  const cpuMs = threadCpuMs();
  return { threadId, arrived, ...(cpuMs !== undefined && { threadCpuMs: cpuMs }), ...(usPerUnit !== undefined && { kernelUsPerUnit: usPerUnit }) };
}
