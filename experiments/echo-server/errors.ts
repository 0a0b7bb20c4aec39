import { LabError } from '../../src/errors/lab-error.ts';

/** An echo run (server or clients) did not finish within its time bound; everything it had open was closed. */
export class EchoTimeoutError extends LabError {
  override name = 'EchoTimeoutError';
  constructor(
    readonly who: string,
    readonly timeoutMs: number,
    readonly detail: string,
  ) {
    super(`${who} did not finish within ${timeoutMs} ms (${detail}); every socket was closed`);
  }
}

/** A client received bytes that differ from the message it sent. */
export class EchoMismatchError extends LabError {
  override name = 'EchoMismatchError';
  constructor(
    readonly client: number,
    readonly messageIndex: number,
  ) {
    super(`client ${client} got back something else than its message ${messageIndex}`);
  }
}
