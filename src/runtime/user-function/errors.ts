import { ExitCode, LabError } from '../../errors/lab-error.ts';

/** The user's module or its inputs cannot be measured (missing, unparsable, no function, bad inputs): exit code 2. */
export class UserModuleError extends LabError {
  override name = 'UserModuleError';
  override readonly exitCode: number = ExitCode.badInput;
}

/** The user's function failed while the lab ran it (threw, never returned, ended its process or thread): exit code 1. */
export class UserRunError extends LabError {
  override name = 'UserRunError';
}
