import { waitFor, type Yielded } from '../scheduler/index.ts';
import type { FaultPart } from './spec.ts';
import { LabError } from '../errors/lab-error.ts';

/** A fault part asked for something this thread must not do (end the lab's own thread). */
export class FaultRefusedError extends LabError {
  override name = 'FaultRefusedError';
}

/** The exit code with which an `exit` fault ends a worker thread, a forked process or a queue worker process, in every mode alike. */
export const FAULT_EXIT_CODE = 3;

/** Ends the calling thread the way a fault part asks; only the owner of a worker thread can offer one. */
export type EndThread = (how: 'exit' | 'exhaust-memory') => never;

/**
 * Carries out a fault part. `exit` and `exhaust-memory` end the thread that runs them, so they
 * need `endThread`, which only a worker thread's entry provides; on the lab's own thread they fail
 * the task instead.
 */
export function* runFault(part: FaultPart, endThread: EndThread | undefined): Generator<Yielded, void, unknown> {
  switch (part.fault) {
    case 'throw':
      throw new Error(part.message ?? 'injected fault');
    case 'hang': {
      // A promise that never settles does not keep Node alive by itself: a timer does, until
      // the task is cancelled (a --timeout, Ctrl-C) and its finally block clears it.
      const keepAlive = setInterval(() => {}, 60_000);
      try {
        yield waitFor(new Promise<never>(() => {}));
      } finally {
        clearInterval(keepAlive);
      }
      return;
    }
    case 'exit':
    case 'exhaust-memory':
      if (endThread === undefined) {
        throw new FaultRefusedError(`fault "${part.fault}" would end the lab's own thread; it is carried out only on worker threads (parallel, hybrid modes)`);
      }
      endThread(part.fault);
  }
}
