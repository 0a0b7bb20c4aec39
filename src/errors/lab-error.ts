/**
 * Exit codes: 0 done, 1 a run failed (or compare's gate found a regression), 2 bad input, 130
 * interrupted, 143 terminated (as a shell reports SIGINT, SIGTERM).
 */
export const ExitCode = { ok: 0, failed: 1, regression: 1, badInput: 2, interrupted: 130, terminated: 143 } as const;

/**
 * The base of every error the lab throws on purpose: a message of one line that names the fault
 * (and, for bad input, what is accepted), and the exit code the command line ends with. It lives in
 * the lowest layer so that every layer's errors can extend it; the command line maps errors by it.
 */
export class LabError extends Error {
  override name = 'LabError';
  /** What the command line exits with when this error ends it: a failed run unless a subclass says otherwise. */
  readonly exitCode: number = ExitCode.failed;
}
