import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

/** What the runner child was doing when it ended: "input 3" in "baseline". */
export interface Whereabouts {
  readonly what: string;
  readonly mode: string;
  /** Why it ended, when the child knows better than its exit code can say. */
  readonly cause: string;
}

/** How long the lab waits, once the child has exited, for the note it wrote as it ended. */
const NOTE_WAIT_MS = 250;
/** Notes are short; more than this on the pipe is not the lab's. */
const MOST_BYTES = 4096;

/**
 * The note the runner child writes on its extra pipe (stdio[4]) as it exits, with the runner's token:
 * it names the call that ended the process, which the IPC channel could not carry in time.
 */
export class LastWords {
  private text = '';
  private readonly ended: Promise<void>;

  constructor(
    child: ChildProcess,
    private readonly token: string,
  ) {
    const pipe = child.stdio[4] as Readable | null | undefined;
    pipe?.setEncoding('utf8');
    pipe?.on('data', (chunk: string) => {
      if (this.text.length < MOST_BYTES) this.text += chunk.slice(0, MOST_BYTES);
    });
    pipe?.on('error', () => undefined);
    // A grandchild that inherited the pipe keeps it open: the note was written before the exit, so a short wait is enough.
    this.ended = pipe === null || pipe === undefined ? Promise.resolve() : new Promise((resolve) => pipe.once('end', resolve).once('close', resolve));
  }

  /** The note, once the pipe has ended or a short wait has passed; undefined when there is none or it is not the lab's. */
  async read(): Promise<Whereabouts | undefined> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.ended, new Promise<void>((resolve) => (timer = setTimeout(resolve, NOTE_WAIT_MS)))]);
    clearTimeout(timer);
    for (const line of this.text.split('\n').reverse()) {
      try {
        const note = JSON.parse(line) as { token?: unknown; what?: unknown; mode?: unknown; cause?: unknown };
        if (note.token === this.token && typeof note.what === 'string' && typeof note.mode === 'string' && (note.what !== '' || (typeof note.cause === 'string' && note.cause !== ''))) {
          return { what: note.what, mode: note.mode, cause: typeof note.cause === 'string' ? note.cause : '' };
        }
      } catch {
        // not a note
      }
    }
    return undefined;
  }
}
