import { startLocalWorkers } from '../../runtime/queue/local-workers.ts';
import { CONTROL } from '../../runtime/queue/job-protocol.ts';
import type { LabArgs } from '../args.ts';
import type { WatchdogOptions } from '../../runtime/queue/watchdog.ts';
import type { CliStreams } from '../streams.ts';
import { UsageError } from '../../errors/usage-error.ts';
import { assertQueuePackagesInstalled } from '../../runtime/queue-packages.ts';
import { REDIS_BOUNDS_MS } from '../../runtime/queue/redis-bounds.ts';

/**
 * `npm run lab -- worker --redis URL [--queue NAME] [--workers N] [--redis-timeout SECONDS]`: serves the distributed mode's
 * jobs from this machine until Ctrl-C. N worker processes (default 1), each a BullMQ worker of
 * concurrency 1; without `--queue` they follow the control key, which names the lab's run in progress.
 * Ctrl-C ends it with exit code 0, once its processes have ended; a Redis that does not answer for
 * `--redis-timeout` seconds (default `REDIS_BOUNDS_MS.worker`) ends it with exit code 1.
 */
export async function workerCommand(rest: readonly string[], args: LabArgs, streams: CliStreams, signal: AbortSignal): Promise<void> {
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"; worker takes --redis URL [--queue NAME] [--workers N] [--redis-timeout SECONDS]`);
  if (args.redis === undefined) throw new UsageError('worker needs --redis URL: redis://HOST:PORT or a unix socket path, the Redis the lab runs its distributed mode on');
  const target = args.redis;
  assertQueuePackagesInstalled('worker --redis URL');
  // ioredis loads only for this command and the distributed mode.
  const { checkReachable, WORKER_REDIS_REMEDY } = await import('../../runtime/queue/redis-probe.ts');
  const { watchTarget } = await import('../../runtime/queue/watchdog.ts');
  await checkReachable(target, WORKER_REDIS_REMEDY);
  signal.throwIfAborted();
  const count = args.workers ?? 1;
  const workers = await startLocalWorkers(count, { target, ...(args.queue !== undefined && { queue: args.queue }) }, (pid, queue) =>
    streams.stdout.write(queue === undefined ? `worker ${pid}: no run in progress; waiting\n` : `worker ${pid}: serving queue ${queue}\n`),
  );
  // A process that ends under a job (its task's exit fault) is named with that task; the queue hands the job on, or fails it.
  workers.onExit(({ pid, how, job }) => streams.stdout.write(`worker ${pid}: exited (${how})${job === undefined ? '' : ` while running task "${job.task}" (job ${job.id})`}\n`));
  // Its worker processes would wait for a Redis that is gone without a word: this says so, and ends them.
  const watch = watchTarget(target, workerWatch(args));
  let redisGone = false;
  try {
    const serving = args.queue === undefined ? `following the control key ${CONTROL.key}` : `serving queue ${args.queue}`;
    streams.stdout.write(`worker: ${count} process${count === 1 ? '' : 'es'} (pid ${workers.pids.join(', ')}) on ${target.url}, ${serving}; Ctrl-C stops\n`);
    const stopped = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    // A Redis that stopped answering cannot see the worker processes close through it: they are ended at once.
    const silent = watch.failed.catch((error: unknown) => {
      redisGone = true;
      throw error;
    });
    const lost = await Promise.race([stopped.then(() => undefined), workers.lost, silent]);
    if (lost !== undefined) throw new Error(`every worker process exited (the last, pid ${lost.pid}: ${lost.how}${lost.job === undefined ? '' : `, running task "${lost.job.task}"`})`);
  } finally {
    watch.stop();
    // On Ctrl-C, a job in hand belongs to a run still going on elsewhere: it may finish.
    await workers.stop(redisGone ? 'kill' : 'finish-jobs');
  }
  // Ctrl-C is how a worker is meant to end: no run of its own was cut short.
  streams.stdout.write('worker: stopped; its worker processes have ended\n');
}

/** `worker`'s watch on its Redis: a PING a second, `--redis-timeout` (default `REDIS_BOUNDS_MS.worker`) for its answer, and what the line says then. */
export function workerWatch(args: Pick<LabArgs, 'redisTimeoutMs'>): WatchdogOptions {
  return {
    answerWithinMs: args.redisTimeoutMs ?? REDIS_BOUNDS_MS.worker,
    everyMs: 1000,
    silence: (seconds) => `stopped answering: no reply to PING for ${seconds} s; the worker processes were stopped`,
  };
}
