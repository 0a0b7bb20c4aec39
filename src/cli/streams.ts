import { ExitCode, LabError } from '../errors/lab-error.ts';
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

/**
 * The lab's own output closed under it (`lab … | head -1`): the command stops its run and ends
 * quietly with exit code 0, as other command-line tools end; nobody is left to read a line.
 */
export class OutputClosedError extends LabError {
  override name = 'OutputClosedError';
  override readonly exitCode: number = ExitCode.ok;
  constructor() {
    super('the output closed: the run was stopped');
  }
}

/** An output stream that can fail under the lab (a pipe whose reader left), as process.stdout can. */
interface FailingStream {
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Hands `stop` an `OutputClosedError` when stdout closes under the lab (EPIPE), or fails otherwise;
 * a failing stderr is ignored, so that the run and its results on stdout go on. Unheard, either
 * error would print its stack and exit 1 on the first write after it.
 */
export function stopWhenOutputCloses(stdout: FailingStream, stderr: FailingStream, stop: (reason: OutputClosedError) => void): void {
  stdout.on('error', () => stop(new OutputClosedError()));
  stderr.on('error', () => undefined);
}
