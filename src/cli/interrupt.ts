import { constants } from 'node:os';
import { LabError } from '../errors/lab-error.ts';

type StopSignal = 'SIGINT' | 'SIGTERM';

/** The user interrupted the lab (Ctrl-C, or SIGTERM). Exit code 128 + the signal's number: 130, 143. */
export class InterruptedError extends LabError {
  override name = 'InterruptedError';
  override readonly exitCode: number;
  /** Set once its line is on stderr, so that a second signal does not say it again. */
  reported = false;
  constructor(readonly signal: StopSignal = 'SIGINT') {
    super(`${signal === 'SIGINT' ? 'interrupted' : 'terminated (SIGTERM)'}: the run was stopped and nothing was saved for it`);
    this.exitCode = 128 + constants.signals[signal];
  }
}

let savesInProgress = 0;

/**
 * Runs `save` so that no signal can cut it in half: a signal during it aborts the run's signal (the
 * save then removes what it wrote), and even a second signal waits for the save to finish.
 */
export async function whileSaving<T>(save: () => Promise<T>): Promise<T> {
  savesInProgress++;
  try {
    return await save();
  } finally {
    savesInProgress--;
  }
}

/**
 * Aborts `controller` with an `InterruptedError` on the first SIGINT or SIGTERM, so runs unwind,
 * pools close and a save in progress removes its files. A second signal ends the process at once
 * (saying why, as the first would have), unless a save is in progress. The listeners stay installed meanwhile, so neither Node's default
 * nor tsx's signal relay ends the process mid-save. Returns the uninstaller.
 */
export function abortOnInterrupt(controller: AbortController): () => void {
  const onSignal = (signal: StopSignal): void => {
    if (!controller.signal.aborted) controller.abort(new InterruptedError(signal));
    else if (savesInProgress === 0) {
      // The first signal's message may not be out yet (the run was still unwinding): say it before leaving.
      const first = controller.signal.reason instanceof InterruptedError ? controller.signal.reason : new InterruptedError(signal);
      if (!first.reported) process.stderr.write(`lab: ${first.message}\n`);
      process.exit(first.exitCode);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
}
