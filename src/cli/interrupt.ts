import { constants } from 'node:os';
import { LabError } from '../errors/lab-error.ts';
import { killOwnChildren } from '../runtime/own-children.ts';

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

/**
 * Signals of one kind closer together than this are one: a terminal signals the whole foreground
 * group (npm and the lab), and npm passes the same signal on to the lab a few ms later.
 */
export const SAME_SIGNAL_MS = 1000;
/** From the first signal, the time the lab has to stop its runs, pools, processes and servers, all steps together. */
export const CLEANUP_DEADLINE_MS = 4000;

let savesInProgress = 0;
/** Set when the lab must leave as soon as no save is in progress. */
let leaveAfterSaving: (() => void) | undefined;

/**
 * Runs `save` so that no signal can cut it in half: a signal during it aborts the run's signal (the
 * save then removes what it wrote), and neither a second signal nor the cleanup deadline ends the
 * process before the save has finished.
 */
export async function whileSaving<T>(save: () => Promise<T>): Promise<T> {
  savesInProgress++;
  try {
    return await save();
  } finally {
    savesInProgress--;
    const leave = savesInProgress === 0 ? leaveAfterSaving : undefined;
    if (leave !== undefined) {
      leaveAfterSaving = undefined;
      leave();
    }
  }
}

/** What the interrupt handling reads and does beyond the controller: injected by tests. */
export interface InterruptEnvironment {
  now(): number;
  /** Calls `fire` after `ms`, without keeping the process alive for it. */
  after(ms: number, fire: () => void): void;
  /** Says why on stderr. */
  say(line: string): void;
  /** Ends the process with this code, now (its children killed). */
  leave(code: number): void;
}

const processEnvironment: InterruptEnvironment = {
  now: () => performance.now(),
  after: (ms, fire) => void setTimeout(fire, ms).unref(),
  say: (line) => void process.stderr.write(line),
  leave: (code) => {
    killOwnChildren();
    process.exit(code);
  },
};

/** The interrupt handling of one command. */
export interface InterruptResponder {
  /** A SIGINT or SIGTERM arrived. */
  onSignal(signal: StopSignal): void;
  /** Stops the command for another reason (its output closed): aborts it, and starts the deadline. */
  stop(reason: LabError): void;
  /** The command has its exit code (in `process.exitCode`). */
  finished(): void;
}

/**
 * The first SIGINT or SIGTERM aborts `controller` with an `InterruptedError`, so runs unwind, pools
 * close and a save in progress removes its files; the same signal again within `SAME_SIGNAL_MS`
 * counts as that one. A later signal ends the process at once, saying why, and the lab ends itself
 * `CLEANUP_DEADLINE_MS` after it was stopped, whatever is still closing; either waits for a save in
 * progress to finish first.
 */
export function interruptResponder(controller: AbortController, environment: InterruptEnvironment = processEnvironment): InterruptResponder {
  let last: { readonly signal: StopSignal; readonly at: number } | undefined;
  let signalled = false;
  let done = false;
  const leave = (): void => {
    const reason: unknown = controller.signal.reason;
    // A command that has its exit code leaves with it; one still unwinding says why first, as the first signal would have.
    if (done) return environment.leave(typeof process.exitCode === 'number' ? process.exitCode : 0);
    if (reason instanceof InterruptedError && !reason.reported) {
      environment.say(`lab: ${reason.message}\n`);
      reason.reported = true;
    }
    environment.leave(reason instanceof LabError ? reason.exitCode : 1);
  };
  const leaveWhenSaved = (): void => {
    if (savesInProgress === 0) leave();
    else leaveAfterSaving = leave;
  };
  const stop = (reason: LabError): void => {
    if (controller.signal.aborted) return;
    controller.abort(reason);
    environment.after(CLEANUP_DEADLINE_MS, leaveWhenSaved);
  };
  return {
    onSignal(signal) {
      const at = environment.now();
      if (last !== undefined && last.signal === signal && at - last.at < SAME_SIGNAL_MS) return;
      last = { signal, at };
      if (done || signalled) return leaveWhenSaved();
      signalled = true;
      stop(new InterruptedError(signal));
    },
    stop,
    finished() {
      done = true;
    },
  };
}

/**
 * Installs the interrupt handling of `interruptResponder` on SIGINT and SIGTERM, for the rest of the
 * process: Node's default would end it mid-save, or leave its children and servers behind. Call
 * `finished` once the command has its exit code: a signal after it, or the deadline, then ends the
 * process with that code (a process that ends by itself is not held up by either).
 */
export function abortOnInterrupt(controller: AbortController): InterruptResponder {
  const responder = interruptResponder(controller);
  process.on('SIGINT', (signal: StopSignal) => responder.onSignal(signal));
  process.on('SIGTERM', (signal: StopSignal) => responder.onSignal(signal));
  return responder;
}
