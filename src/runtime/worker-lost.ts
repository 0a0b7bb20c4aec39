import { LabError } from '../errors/lab-error.ts';

/** A worker thread died under a task (it called process.exit, or ran out of memory): the task is named, the cause kept. */
export class WorkerLostError extends LabError {
  override name = 'WorkerLostError';
  constructor(
    readonly tasks: readonly string[],
    why: string,
    override readonly cause: unknown,
  ) {
    super(`${tasks.length === 1 ? `task "${tasks[0]}"` : `one of the tasks ${tasks.map((t) => `"${t}"`).join(', ')}`} ended its worker thread: ${why}`, { cause });
  }
}

/**
 * Names the task(s) behind a worker request that failed because its thread died; other
 * failures (a task that threw, an abort) pass through unchanged: they already say what happened.
 */
export function explainWorkerFailure(tasks: readonly string[], error: unknown): unknown {
  const { code, message = String(error) } = (error ?? {}) as { code?: string; message?: string };
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return new WorkerLostError(tasks, `it exceeded the worker's memory limit (${message})`, error);
  if (/^worker exited with code/i.test(message)) return new WorkerLostError(tasks, `${message} (process.exit in a worker ends that thread)`, error);
  return error;
}
