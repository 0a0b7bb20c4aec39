import { LabError } from '../errors/lab-error.ts';

/** A run could not complete; the message names the mode, the workload and, through the cause, the task and part. */
export class RunFailedError extends LabError {
  override name = 'RunFailedError';
  constructor(
    readonly mode: string,
    readonly workload: string,
    override readonly cause: unknown,
  ) {
    super(`${mode} run of workload "${workload}" failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
