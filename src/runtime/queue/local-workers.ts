import { fork, type ChildProcess } from 'node:child_process';
import { entryBeside, labExecArgv } from '../entry-points.ts';
import { ownProcessGroup, signalGroup } from '../child-group.ts';
import type { QueueWorkerOptions } from './queue-worker.ts';

const entry = entryBeside(import.meta.url, 'worker-process');
const START_TIMEOUT_MS = 30_000;

/** Worker processes the lab started on this machine for a run's queue. */
export interface LocalWorkers {
  readonly pids: readonly number[];
  /**
   * Resolves when every worker has exited before `stop`, with the last one's pid and how it ended. One
   * worker lost is no failure: the queue hands its job to another once the job's lock runs out.
   */
  readonly lost: Promise<{ pid: number; how: string }>;
  /** Ends every worker (SIGTERM, then SIGKILL after a grace) and waits for them; safe to call twice. */
  stop(): Promise<void>;
}

/** What a worker process is started with: a queue to serve, or none to follow the control key. */
export type WorkerProcessOptions = Omit<QueueWorkerOptions, 'queue'> & { readonly queue?: string };

/**
 * Forks `count` worker processes (Node with tsx, like the lab) and waits until each is consuming;
 * `onServing` hears which queue a control-following worker moved to.
 */
export async function startLocalWorkers(count: number, options: WorkerProcessOptions, onServing?: (pid: number, queue: string | undefined) => void): Promise<LocalWorkers> {
  const children: ChildProcess[] = [];
  const exits: Promise<{ pid: number; how: string }>[] = [];
  let stopping = false;
  for (let i = 0; i < count; i++) {
    const child = fork(entry, [JSON.stringify(options)], { execArgv: labExecArgv(entry), stdio: ['ignore', 'ignore', 'pipe', 'ipc'], ...ownProcessGroup });
    children.push(child);
    child.on('message', (message: { serving?: string | null }) => {
      if (message.serving !== undefined) onServing?.(child.pid ?? -1, message.serving ?? undefined);
    });
    exits.push(new Promise((resolve) => child.once('exit', (code, signal) => resolve({ pid: child.pid ?? -1, how: signal ?? `exit code ${code}` }))));
  }
  const stop = async (): Promise<void> => {
    stopping = true;
    for (const child of children) if (child.exitCode === null && child.signalCode === null) signalGroup(child, 'SIGTERM');
    const grace = new Promise((resolve) => setTimeout(resolve, 3000).unref());
    await Promise.race([Promise.all(exits), grace]);
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
