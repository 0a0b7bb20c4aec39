import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from '../../src/measure/stats.ts';
import { entryBeside, labExecArgv } from '../../src/runtime/entry-points.ts';
import { ownProcessGroup, signalGroup } from '../../src/runtime/child-group.ts';
import { sharedNow } from '../../src/scheduler/index.ts';
import { foldChecksums, type ManyTasksShape } from './workload.ts';
import type { ProcessTaskMessage } from './process-task-message.ts';

const childFile = fileURLToPath(entryBeside(import.meta.url, 'process-task-child'));

/** One process per task: how long they took, to start and in all, and what each held. */
export interface ProcessTasksResult {
  readonly tasks: number;
  /** From the first fork until every task had sent its checksum, ms. */
  readonly wallMs: number;
  /** Median over the processes of fork to ready (modules loaded), ms. */
  readonly startMsMedian: number;
  /** From the first fork until the last process was ready, ms: start-up of all of them at once. */
  readonly startMsAll: number;
  /** Mean resident set of a task process when ready (shared library pages counted in each). */
  readonly rssBytesMean: number;
  readonly checksum: number;
}

/** A task process exited or failed before sending its checksum. */
export class ProcessTaskError extends Error {
  override name = 'ProcessTaskError';
}

/**
 * Forks one Node process per task (loaded as the lab loads its children: compiled, or through tsx from the sources), all at once: each waits `waitMs` once it is ready,
 * then computes its units; the checksums are those of the same tasks anywhere else in the lab.
 */
export async function runProcessTasks(shape: ManyTasksShape, signal?: AbortSignal): Promise<ProcessTasksResult> {
  const started = sharedNow();
  const children: ChildProcess[] = [];
  const startMs = new Array<number>(shape.tasks).fill(0);
  const rss = new Array<number>(shape.tasks).fill(0);
  const checksums = new Uint32Array(shape.tasks);
  let lastReady = 0;
  // One listener for all the children, not one each: an abort ends every task process.
  const killAll = (): void => {
    for (const child of children) signalGroup(child, 'SIGTERM');
  };
  signal?.addEventListener('abort', killAll, { once: true });
  try {
    await Promise.all(
      Array.from({ length: shape.tasks }, (_, i) => {
        const forkedAt = sharedNow();
        const child = fork(childFile, [`t${i + 1}`, String(shape.waitMs), String(shape.units)], {
          execArgv: labExecArgv(childFile),
          stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
          ...ownProcessGroup,
        });
        children.push(child);
        return new Promise<void>((resolve, reject) => {
          child.on('message', (message: ProcessTaskMessage) => {
            if (message.kind === 'ready') {
              startMs[i] = sharedNow() - forkedAt;
              lastReady = Math.max(lastReady, sharedNow() - started);
              rss[i] = message.rssBytes;
            } else {
              checksums[i] = message.checksum;
              resolve();
            }
          });
          child.on('error', (error) => reject(new ProcessTaskError(`task process t${i + 1} failed: ${error.message}`, { cause: error })));
          child.on('exit', (code) => reject(new ProcessTaskError(`task process t${i + 1} exited with code ${String(code)} before sending its checksum`)));
        });
      }),
    );
  } finally {
    signal?.removeEventListener('abort', killAll);
    for (const child of children) signalGroup(child, child.exitCode === null ? 'SIGTERM' : 'SIGKILL');
  }
  return {
    tasks: shape.tasks,
    wallMs: sharedNow() - started,
    startMsMedian: median(startMs),
    startMsAll: lastReady,
    rssBytesMean: rss.reduce((a, b) => a + b, 0) / shape.tasks,
    checksum: foldChecksums(checksums),
  };
}
