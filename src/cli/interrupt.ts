/** The user interrupted the lab (Ctrl-C). Exit code 130, as shells report SIGINT. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  constructor() {
    super('interrupted: the run was stopped and nothing was saved for it');
  }
}

/**
 * Aborts `controller` with an `InterruptedError` on the first SIGINT, so runs unwind and
 * pools close; a second SIGINT leaves Node's default (immediate exit). Returns the uninstaller.
 */
export function abortOnInterrupt(controller: AbortController): () => void {
  const onSignal = (): void => controller.abort(new InterruptedError());
  process.once('SIGINT', onSignal);
  return () => process.removeListener('SIGINT', onSignal);
}
