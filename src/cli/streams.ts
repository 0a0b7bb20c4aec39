import type { ProgressStream } from '../report/progress.ts';
import type { KeyInput } from './key-press.ts';

/** Where the command line writes: the process's stdout and stderr, or stand-ins in tests. */
export interface CliStreams {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
  /** The terminal's input, for `--explain --step`; absent in tests and pipes that never pace. */
  readonly stdin?: KeyInput;
}
