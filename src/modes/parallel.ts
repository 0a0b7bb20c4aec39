import { threadPoolResource } from './resource-kinds.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { defineMode, type ModeRunOptions } from './mode.ts';
import { onPool } from '../runtime/pool.ts';
import type { RunResult } from '../runtime/run-result.ts';
import { shareRun, stopRun, taskNumber } from '../runtime/run-share.ts';
import { labelTable, readSharedSteps } from '../runtime/shared-steps.ts';
import type { LaneReply } from './worker-lanes.ts';
import type { TaskReply } from '../runtime/worker-protocol.ts';
import { runJobsOnPool } from './worker-run.ts';

/**
 * Every task on a Piscina worker thread, one task per worker at a time, each worker
 * running its task under its own scheduler: parallelism, up to the number of cores.
 * The workload goes to the workers once per run (shared memory); each message names only a
 * task index, and each worker records its steps into shared memory of its own.
 */
export function runParallel(workload: WorkloadSpec, options: ModeRunOptions = {}): Promise<RunResult<'parallel'>> {
  return onPool(options.pool, async (pool) => {
    const mailbox = pool.borrowMailbox();
    try {
      const share = shareRun(workload, mailbox);
      const steps = options.steps !== false;
      return await runJobsOnPool(pool, workload, options, {
        mode: 'parallel',
        jobs: workload.tasks.map((t) => [t.name]),
        send: share.inMailbox
          ? (_tasks, task) => pool.send(taskNumber(task, steps))
          : (_tasks, task) => pool.send({ kind: 'task', run: share.id, share: share.buffer, task, steps }),
        checksumsOf: (reply) => [typeof reply === 'number' ? reply : reply.checksum],
        gcOf: (reply) => (typeof reply === 'number' ? NO_GC : reply),
        lanes: (replies) => (steps ? stepLanes(replies, workload) : []),
        stop: () => stopRun(share.buffer),
      });
    } finally {
      pool.returnMailbox(mailbox);
    }
  });
}

export const parallelMode = defineMode({
  name: 'parallel',
  needs: threadPoolResource,
  summary: 'worker threads, one task per worker at a time: parallelism, up to the number of cores',
  run: runParallel,
});

/** A bare-checksum reply: no pauses to place. */
const NO_GC = { threadId: -1 } as const;

/** Each worker's steps, from the newest (largest) step buffer its replies carried. */
function stepLanes(replies: readonly (TaskReply | number)[], workload: WorkloadSpec): LaneReply[] {
  const newest = new Map<number, SharedArrayBuffer>();
  for (const r of replies) {
    if (typeof r === 'number') continue;
    if (r.steps !== undefined && r.steps.byteLength > (newest.get(r.threadId)?.byteLength ?? -1)) newest.set(r.threadId, r.steps);
  }
  const names = workload.tasks.map((t) => t.name);
  const labels = labelTable(workload);
  return [...newest].map(([threadId, buffer]) => ({ threadId, trace: readSharedSteps(buffer, names, labels) }));
}
