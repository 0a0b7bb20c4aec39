import { ExitCode, LabError } from './lab-error.ts';

/** The user asked for something the lab cannot do; the message names the fault and what is accepted. Exit code 2. */
export class UsageError extends LabError {
  override name = 'UsageError';
  override readonly exitCode: number = ExitCode.badInput;
}
