import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { hostname } from 'node:os';
import { clockOffset } from './clock-offset.ts';
import { CONTROL, type ClockOffset, type JobData, type JobResult, type JobStart, type WorkerMessage } from './job-protocol.ts';
import { closeClient, queueClient } from './redis-client.ts';
import type { RedisTarget } from './redis-target.ts';
import { runJob } from './run-job.ts';

/** How a lab worker consumes a queue; the lock settings are lowered only by tests of a killed worker. */
export interface QueueWorkerOptions {
  readonly target: RedisTarget;
  readonly queue: string;
  /** How long a job stays locked without a renewal before it counts as stalled, ms (BullMQ's default 30 s). */
  readonly lockDurationMs?: number;
  /** How often this worker checks for stalled jobs, ms (BullMQ's default 30 s). */
  readonly stalledIntervalMs?: number;
}

/** A BullMQ worker with concurrency 1, mirroring one worker thread of `parallel`. */
export interface QueueWorker {
  readonly queue: string;
  readonly clock: ClockOffset;
  /** Waits for the job in hand (unless `abandonJobs`: its run is over), then disconnects. */
  close(abandonJobs?: boolean): Promise<void>;
}

/** Starts a worker on `options.queue` that runs each job's task with `runJob`. */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const client = queueClient(options.target, `lab-worker-${process.pid}`);
  await client.connect();
  const clock = await clockOffset(client);
  const worker = new Worker<JobData, JobResult>(options.queue, (job: Job<JobData, JobResult>) => processJob(job, clock), {
    connection: client,
    concurrency: 1,
    ...(options.lockDurationMs !== undefined && { lockDuration: options.lockDurationMs }),
    ...(options.stalledIntervalMs !== undefined && { stalledInterval: options.stalledIntervalMs }),
  });
  worker.on('error', ignore);
  await worker.waitUntilReady();
  return {
    queue: options.queue,
    clock,
    async close(abandonJobs = false) {
      await worker.close(abandonJobs);
      closeClient(client);
    },
  };
}

function ignore(): void {}

async function processJob(job: Job<JobData, JobResult>, clock: ClockOffset): Promise<JobResult> {
  // The parent names the task if this process ends under it (an `exit` fault): cheaper than a Redis write per job.
  tellParent({ running: { id: job.id ?? '', task: job.data.task } });
  try {
    if (job.data.announce === true) await job.updateProgress({ host: hostname(), pid: process.pid } satisfies JobStart);
    return await runJob(job.data, job.attemptsStarted, clock);
  } finally {
    tellParent({ running: null });
  }
}

/** Sends `message` while the parent listens: a send on a closed channel would end this process with an error of its own. */
function tellParent(message: WorkerMessage): void {
  if (process.connected) process.send?.(message);
}


/**
 * Follows the control channel: works on the queue of the run in progress (announced by the lab),
 * moving to each new run's queue as it is announced. For workers started without `--queue`.
 */
export async function followControl(options: Omit<QueueWorkerOptions, 'queue'>, onQueue: (queue: string | undefined) => void): Promise<Pick<QueueWorker, 'close'>> {
  const subscriber: Redis = queueClient(options.target, `lab-control-${process.pid}`);
  const reader: Redis = queueClient(options.target, `lab-control-reader-${process.pid}`);
  await Promise.all([subscriber.connect(), reader.connect()]);
  let current: QueueWorker | undefined;
  let switching = Promise.resolve();
  const follow = (queue: string | null): void => {
    switching = switching.then(async () => {
      if ((current?.queue ?? null) === queue) return;
      await current?.close();
      current = queue === null || queue === '' ? undefined : await startQueueWorker({ ...options, queue });
      onQueue(current?.queue);
    });
  };
  subscriber.on('message', (_channel: string, queue: string) => follow(queue));
  await subscriber.subscribe(CONTROL.channel);
  follow(await reader.get(CONTROL.key));
  return {
    async close(abandonJobs = false) {
      await switching;
      await current?.close(abandonJobs);
      closeClient(subscriber);
      closeClient(reader);
    },
  };
}
