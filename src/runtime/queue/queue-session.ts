import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { clockOffset } from './clock-offset.ts';
import { CONTROL, runQueueName, type JobData, type JobResult } from './job-protocol.ts';
import { startLocalWorkers, type LocalWorkers } from './local-workers.ts';
import { ClientLifetime, closeClient, queueClient } from './redis-client.ts';
import { TimeoutError, withTimeout } from '../with-timeout.ts';
import { checkReachable, LAB_REDIS_REMEDY } from './redis-probe.ts';
import { startPrivateRedis, type PrivateRedis } from './redis-server.ts';
import type { RedisTarget } from './redis-target.ts';
import { RedisUnavailableError } from './errors.ts';
import { sessionBounds } from './redis-bounds.ts';
import { runOnQueue, type QueueRun, type QueueRunOptions, type SessionHandles } from './queue-run.ts';
import type { WorkloadSpec } from '../../workload/spec.ts';

export interface QueueSessionOptions {
  /** A running Redis; without one the session starts a private `redis-server`. */
  readonly redis?: RedisTarget;
  /** Worker processes started on this machine (the CLI resolves `--workers`). */
  readonly workers: number;
  /** Lowered only by tests of a killed worker (BullMQ's defaults are 30 s). */
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
  /** Each job reports its worker's host and pid when it starts (tests that kill the worker running a job). */
  readonly announce?: boolean;
  /** `--redis-timeout`: how long each opening step and each run's health check wait for Redis, ms (default: see `sessionBounds`). */
  readonly redisTimeoutMs?: number;
}

/** How long closing may wait on each step; a Redis that is gone must not hold the lab. */
const CLOSE_STEP_MS = 3000;

/**
 * Everything the `distributed` mode runs on, started once for many runs: a Redis (the user's, or a
 * private one), a queue of this session's own name, the completion events, and `workers` local
 * worker processes. Workers started elsewhere without `--queue` learn the name from the control
 * key and channel. `close` removes the queue, stops the workers and the private Redis.
 */
export class QueueSession {
  private runs = 0;
  private closed = false;
  /** Set when a run found Redis gone: closing then does not wait on it. */
  private redisGone = false;

  private constructor(
    private readonly handles: SessionHandles,
    readonly queueName: string,
    readonly workerPids: readonly number[],
    private readonly cleanup: readonly CleanupStep[],
    /** True when the session started its own redis-server. */
    readonly privateRedis: boolean,
  ) {}

  /** The Redis as results may name it: the user's URL, or "a private redis-server" (its socket path is a temporary one of this machine). */
  get redisDescription(): string {
    return this.privateRedis ? 'a private redis-server (unix socket in a temporary directory)' : this.handles.target.url;
  }

  get target(): RedisTarget {
    return this.handles.target;
  }

  /** The worker processes this session started (remote ones may add to them). */
  get workers(): number {
    return this.workerPids.length;
  }

  static async open(options: QueueSessionOptions): Promise<QueueSession> {
    const cleanup: CleanupStep[] = [];
    try {
      let server: PrivateRedis | undefined;
      if (options.redis === undefined) {
        server = await startPrivateRedis();
        cleanup.push({ step: server.stop });
      } else await checkReachable(options.redis, LAB_REDIS_REMEDY);
      const target = server?.target ?? options.redis!;
      // A Redis that answered the probe and then stops answering fails the opening in one line, instead of holding it for ever.
      const { openStepMs, answerWithinMs } = sessionBounds(options.redisTimeoutMs);
      const answered = <T>(step: Promise<T>): Promise<T> =>
        withTimeout(step, openStepMs).catch((error: unknown) => {
          const why = error instanceof TimeoutError ? `stopped answering while the lab set up its queue (no answer within ${openStepMs / 1000} s)` : `failed while the lab set up its queue (${error instanceof Error ? error.message : String(error)})`;
          throw new RedisUnavailableError(target.url, `${why}; nothing was run`);
        });
      const queueName = runQueueName();
      const lifetime = new ClientLifetime();
      const client = queueClient(target, 'lab', lifetime);
      const eventsClient = queueClient(target, 'lab-events', lifetime);
      // The health check's own connection: on the queue's, a PING waits behind a bulk add's replies.
      const health = queueClient(target, 'lab-health', lifetime);
      const clients = [client, eventsClient, health];
      cleanup.push({
        step: async () => {
          lifetime.end();
          for (const c of clients) closeClient(c);
        },
        endsConnections: true,
      });
      await answered(Promise.all(clients.map((c) => c.connect())));
      // Generous event streams: a run of thousands of jobs must not trim completions before they are read.
      const queue = new Queue<JobData, JobResult>(queueName, { connection: client, streams: { events: { maxLen: 200_000 } } });
      const events = new QueueEvents(queueName, { connection: eventsClient });
      queue.on('error', ignore);
      events.on('error', ignore);
      events.setMaxListeners(0);
      // Closed even when Redis is gone: a QueueEvents left open retries its reads (and revives its connection) for ever.
      // Begun with the ending of the connections when Redis is gone: its read, failed by that end, is then not retried after a pause.
      cleanup.push({ step: () => events.close(), endsConnections: true });
      cleanup.push({ step: () => queue.close() });
      cleanup.push({ step: () => queue.obliterate({ force: true }), talksToRedis: true });
      await answered(Promise.all([queue.waitUntilReady(), events.waitUntilReady()]));
      // QueueEvents reads on a copy of its connection (blocking reads): that copy is closed with the others.
      clients.push((await answered(events.getBackend().client)) as unknown as Redis);
      const clock = await answered(clockOffset(client));
      // Workers started elsewhere without --queue follow the run in progress.
      await answered(client.set(CONTROL.key, queueName).then(() => client.publish(CONTROL.channel, queueName)));
      cleanup.push({ step: () => releaseControl(client, queueName), talksToRedis: true });
      const workers: LocalWorkers = await startLocalWorkers(options.workers, {
        target,
        queue: queueName,
        ...(options.lockDurationMs !== undefined && { lockDurationMs: options.lockDurationMs }),
        ...(options.stalledIntervalMs !== undefined && { stalledIntervalMs: options.stalledIntervalMs }),
      });
      // The session's runs are over when it closes: a job still in hand is of none, and a hung one would hold its worker.
      cleanup.push({ step: (redisGone) => workers.stop(redisGone ? 'kill' : 'abandon-jobs') });
      const handles: SessionHandles = {
        target,
        queue,
        events,
        client,
        health,
        clock,
        workers,
        announce: options.announce === true,
        answerWithinMs,
        ...(server !== undefined && { exited: server.exited }),
      };
      return new QueueSession(handles, queueName, workers.pids, cleanup, server !== undefined);
    } catch (error) {
      await runCleanup(cleanup, error instanceof RedisUnavailableError);
      throw error;
    }
  }

  /** Runs the workload's tasks as jobs on this session's queue; see `runOnQueue`. */
  async run(workload: WorkloadSpec, options: QueueRunOptions = {}): Promise<QueueRun> {
    if (this.closed) throw new Error('the queue session is closed');
    try {
      return await runOnQueue(this.handles, ++this.runs, workload, options);
    } catch (error) {
      if (error instanceof RedisUnavailableError) this.redisGone = true;
      throw error;
    }
  }

  /** Stops the workers first (so none takes a job of a queue being removed), removes the queue, stops a private Redis. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A Redis that died between runs, or under a Ctrl-C, is found here: then nothing waits on it.
    const gone = this.redisGone || !(await answers(this.handles.health));
    await runCleanup(this.cleanup, gone);
  }
}

/** One step of closing a session. */
interface CleanupStep {
  /** Told whether Redis is known to be gone. */
  readonly step: (redisGone: boolean) => Promise<unknown>;
  /** Needs Redis's answer: skipped once Redis is known to be gone. */
  readonly talksToRedis?: boolean;
  /** Closes the connections: done first, all at once, once Redis is known to be gone, so that nothing else waits on them. */
  readonly endsConnections?: boolean;
}

/**
 * Undoes the steps in reverse order, each given at most `CLOSE_STEP_MS`, whatever fails. Once Redis
 * is known to be gone, the steps that end connections are begun together first (in reverse order),
 * and those that need Redis's answer are skipped.
 */
async function runCleanup(steps: readonly CleanupStep[], redisGone: boolean): Promise<void> {
  const reversed = [...steps].reverse();
  const bounded = (step: CleanupStep): Promise<unknown> => withTimeout(step.step(redisGone), CLOSE_STEP_MS).catch(() => undefined);
  if (redisGone) await Promise.all(reversed.filter((s) => s.endsConnections === true).map(bounded));
  for (const step of reversed.filter((s) => !redisGone || (s.endsConnections !== true && s.talksToRedis !== true))) await bounded(step);
}

function ignore(): void {}

/** True if Redis answers PING on `client` within a second. */
async function answers(client: Redis): Promise<boolean> {
  return withTimeout(client.ping(), 1000).then(
    () => true,
    () => false,
  );
}

/** Clears the control key if it still names this session's queue, and tells followers there is no run now. */
async function releaseControl(client: Redis, queueName: string): Promise<void> {
  if ((await client.get(CONTROL.key)) !== queueName) return;
  await client.del(CONTROL.key);
  await client.publish(CONTROL.channel, '');
}
