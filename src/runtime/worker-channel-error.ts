import { LabError } from '../errors/lab-error.ts';

/** A worker thread behind a WorkerChannel failed, or exited before answering. */
export class WorkerChannelError extends LabError {
  override name = 'WorkerChannelError';
  constructor(
    readonly worker: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(`${worker}: ${message}`, cause === undefined ? undefined : { cause });
  }
}
