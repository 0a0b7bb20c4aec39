import type { ProgressStream } from '../report/progress.ts';

/** Where the command line writes: the process's stdout and stderr, or stand-ins in tests. */
export interface CliStreams {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
}
