import type { ProgressStream } from '../report/progress.ts';
import type { KeyInput } from './key-press.ts';
import type { ReadCpu } from '../measure/foreign-cpu.ts';

/** Where the command line writes (the process's stdout and stderr, or stand-ins in tests), and what it reads of its surroundings. */
export interface CliStreams {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
  /** The terminal's input, for `--explain --step`; absent in tests and pipes that never pace. */
  readonly stdin?: KeyInput;
  /**
   * Where the lab reads the machine's CPU to tell other programs' share (default /proc). Tests that
   * run the lab in process give a reading of their own: test files running at once are other
   * programs to each other.
   */
  readonly readCpu?: ReadCpu;
}
