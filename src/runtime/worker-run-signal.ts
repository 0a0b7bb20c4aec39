import { RunTimeoutError } from '../scheduler/index.ts';

export interface StopOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/** One signal that ends every worker request of a run: an internal stop, the caller's signal, or the time bound. */
export function workerRunSignal(stop: AbortSignal, options: StopOptions): AbortSignal {
  const signals = [stop];
  if (options.signal !== undefined) signals.push(options.signal);
  if (options.timeoutMs !== undefined) signals.push(AbortSignal.timeout(options.timeoutMs));
  return AbortSignal.any(signals);
}

/**
 * The error a stopped worker run reports: a `RunTimeoutError` naming the unfinished tasks when
 * the time bound ran out. The pool's queue does not say which of them a worker had picked up.
 */
export function describeStop(error: unknown, signal: AbortSignal, timeoutMs: number | undefined, running: Iterable<string>): unknown {
  const timedOut = signal.aborted && signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError';
  if (!timedOut) return error;
  return new RunTimeoutError(timeoutMs!, [...running], [], 'still running or queued');
}
