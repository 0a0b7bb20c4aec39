import { fork, type ChildProcess } from 'node:child_process';
import { entryBeside, labExecArgv } from '../entry-points.ts';
import { CREDENTIALS_ENV, type HeldJob, type StopMessage, type WorkerMessage } from './job-protocol.ts';
import { ownProcessGroup, signalGroup } from '../child-group.ts';
import type { QueueWorkerOptions } from './queue-worker.ts';
import { splitCredentials } from './redis-target.ts';

const entry = entryBeside(import.meta.url, 'worker-process');
const START_TIMEOUT_MS = 30_000;

/** How a worker process ended, and the job it held then, if any. */
export interface WorkerExit {
  readonly pid: number;
  /** Its exit code, or null when a signal ended it. */
  readonly code: number | null;
  /** "exit code N" or the signal's name. */
  readonly how: string;
  /** The job it was running when it ended (workers say over IPC when they take one and finish it). */
  readonly job?: HeldJob;
}

/** Worker processes the lab started on this machine for a run's queue. */
export interface LocalWorkers {
  readonly pids: readonly number[];
  /**
   * Resolves when every worker has exited before `stop`, with the last one's exit. One worker lost
   * is no failure by itself: the queue hands its job to another once the job's lock runs out.
   */
  readonly lost: Promise<WorkerExit>;
  /** Calls `listener` for each worker that exits before `stop`; returns what stops calling it. */
  onExit(listener: (exit: WorkerExit) => void): () => void;
  /** Ends every worker as `how` says (see `WorkerStop`), then SIGKILL after a grace, and waits for them; safe to call twice. */
  stop(how?: WorkerStop): Promise<void>;
}

/**
 * How workers are stopped: `finish-jobs` (SIGTERM; a job in hand may finish within the worker's own
 * bound, for a run still going on elsewhere), `abandon-jobs` (told over IPC to close without waiting
 * for a job in hand, whose run is over: a task that hangs would hold it), `kill` (SIGKILL at once,
 * when their Redis is gone: a worker closes through it, and would spend the grace waiting).
 */
export type WorkerStop = 'finish-jobs' | 'abandon-jobs' | 'kill';

/** What a worker process is started with: a queue to serve, or none to follow the control key. */
export type WorkerProcessOptions = Omit<QueueWorkerOptions, 'queue'> & { readonly queue?: string };

/**
 * Forks `count` worker processes (Node with tsx, like the lab) and waits until each is consuming;
 * `onServing` hears which queue a control-following worker moved to.
 */
export async function startLocalWorkers(count: number, options: WorkerProcessOptions, onServing?: (pid: number, queue: string | undefined) => void): Promise<LocalWorkers> {
  const children: ChildProcess[] = [];
  const exits: Promise<WorkerExit>[] = [];
  const listeners = new Set<(exit: WorkerExit) => void>();
  let stopping = false;
  const { target, credentials } = splitCredentials(options.target);
  const env = { ...process.env, ...(credentials !== undefined && { [CREDENTIALS_ENV]: JSON.stringify(credentials) }) };
  for (let i = 0; i < count; i++) {
    const child = fork(entry, [JSON.stringify({ ...options, target })], { execArgv: labExecArgv(entry), env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], ...ownProcessGroup });
    children.push(child);
    let held: HeldJob | undefined;
    child.on('message', (message: WorkerMessage) => {
      if ('serving' in message) onServing?.(child.pid ?? -1, message.serving ?? undefined);
      if ('running' in message) held = message.running ?? undefined;
    });
    // 'close', not 'exit': it comes after the IPC channel has delivered every message, so the job held at the end is known.
    exits.push(
      new Promise((resolve) =>
        child.once('close', (code, signal) => {
          const exit: WorkerExit = { pid: child.pid ?? -1, code: signal === null ? code : null, how: signal ?? `exit code ${code}`, ...(held !== undefined && { job: held }) };
          if (!stopping) for (const listener of listeners) listener(exit);
          resolve(exit);
        }),
      ),
    );
  }
  const stop = async (how: WorkerStop = 'finish-jobs'): Promise<void> => {
    stopping = true;
    if (how !== 'kill') {
      for (const child of children) {
        if (child.exitCode !== null || child.signalCode !== null) continue;
        // A message it cannot take (its channel just closed) falls back to SIGTERM.
        if (how === 'abandon-jobs' && child.connected) child.send({ stop: 'abandon-jobs' } satisfies StopMessage, (error) => error && signalGroup(child, 'SIGTERM'));
        else signalGroup(child, 'SIGTERM');
      }
      const grace = new Promise((resolve) => setTimeout(resolve, 3000).unref());
      await Promise.race([Promise.all(exits), grace]);
    }
    for (const child of children) signalGroup(child);
    await Promise.all(exits);
  };
  try {
    await Promise.all(children.map((child, i) => ready(child, exits[i]!)));
  } catch (error) {
    await stop();
    throw error;
  }
  const never = new Promise<never>(() => {});
  return {
    pids: children.map((c) => c.pid!),
    lost: Promise.all(exits).then((all) => (stopping ? never : all[all.length - 1]!)),
    onExit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop,
  };
}

function ready(child: ChildProcess, exited: Promise<{ how: string }>): Promise<void> {
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a worker process did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    child.once('message', () => {
      // The first message is `{ ready }` (a follower may say which queue it serves first: it is ready too).
      clearTimeout(timer);
      resolve();
    });
    void exited.then(({ how }) => {
      clearTimeout(timer);
      reject(new Error(`a worker process exited while starting (${how}): ${errors.trim().split('\n').slice(-1)[0] ?? ''}`));
    });
  });
}
