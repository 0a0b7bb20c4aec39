import { LabPool } from '../runtime/pool.ts';
import { ProcessPool } from '../runtime/process-pool.ts';
import type { QueueSession } from '../runtime/queue/queue-session.ts';
import { assertQueuePackagesInstalled } from '../runtime/queue-packages.ts';
import type { ResourceKind } from './resource.ts';

/** A warm pool of `threads` worker threads: parallel, hybrid and piscina run on it. */
export const threadPoolResource: ResourceKind<LabPool> = { name: 'thread pool', open: ({ threads }) => LabPool.start({ threads }) };

/** A warm pool of `processes` forked processes: the processes mode runs on it. */
export const processPoolResource: ResourceKind<ProcessPool> = { name: 'process pool', open: ({ processes }) => ProcessPool.start({ processes }) };

/** A queue session (Redis, a queue of its own, `workers` local worker processes): the distributed mode runs on it. */
export const queueResource: ResourceKind<QueueSession> = {
  name: 'queue session',
  // BullMQ and ioredis load only when a mode needs a queue, and a runtime install leaves them out.
  open: async ({ workers, redis, redisTimeoutMs }) => {
    assertQueuePackagesInstalled('run --modes distributed ...');
    return (await import('../runtime/queue/queue-session.ts')).QueueSession.open({ workers, ...(redis !== undefined && { redis }), ...(redisTimeoutMs !== undefined && { redisTimeoutMs }) });
  },
};
