import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { UserModuleError, UserRunError } from './errors.ts';
import type { RunnerReply, RunnerRequest } from './runner-protocol.ts';
import { entryBeside } from '../entry-points.ts';
import { ownProcessGroup, signalGroup } from '../child-group.ts';
import { LastWords } from './last-words.ts';
import { userExecArgv } from './user-exec-argv.ts';

const childFile = entryBeside(import.meta.url, 'runner-child');

/** What a request is about, for the one line a failure gets: "input 3 in baseline". */
export interface RequestLabel {
  /** Said when the request outlives its time: "the reference calls did not end within 60 s (--timeout) in baseline". */
  readonly late: string;
  /** Said when the child process ends during the request and left no note of what it was doing. */
  readonly ended: string;
}

/** What a signal that ended the function's process most likely means. */
const signalHints: Partial<Record<NodeJS.Signals, string>> = {
  SIGABRT: '; out of memory, or a native crash?',
  SIGKILL: '; from outside: the out-of-memory killer?',
  SIGSEGV: '; a native crash',
};

type Pending = { resolve: (reply: RunnerReply) => void; reject: (error: unknown) => void; label: RequestLabel };

/**
 * The lab's side of the child process that holds a user's function: one request at a time, each
 * bounded in time. The child runs in a process group of its own, and the whole group (whatever the
 * function started) is killed when a request outlives its time, when `signal` aborts, when the child
 * ends, and on `close`; its death during a request fails that request with the request's own words.
 * Only messages carrying this runner's token are the lab's: a module's own `process.send` is ignored.
 */
export class UserFunctionRunner {
  private pending: Pending | undefined;
  /** A fault no request owned (an unhandled rejection between requests): the next request fails with it. */
  private stray: UserRunError | undefined;
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly token: string,
    private readonly signal: AbortSignal,
    lastWords: LastWords,
  ) {
    child.on('message', (reply: RunnerReply & { token?: unknown }) => {
      if (typeof reply !== 'object' || reply === null || reply.token !== this.token) return;
      if (reply.type === 'fault' && reply.stray === true && this.pending === undefined) this.stray ??= new UserRunError(reply.message);
      else this.settle((p) => p.resolve(reply));
    });
    child.on('exit', (code, by) => {
      this.exited = true;
      signalGroup(child); // whatever the function started dies with it
      const how = by === null ? `exit code ${code}; process.exit in the function?` : `killed by ${by}${signalHints[by] ?? '; a signal the function or another process sent?'}`;
      void lastWords.read().then((note) => {
        const what = note === undefined || note.what === '' ? undefined : `${note.what} ended the process${note.mode === '' ? '' : ` in ${note.mode}`}`;
        const why = note !== undefined && note.cause !== '' ? note.cause : how;
        this.settle((p) => p.reject(new UserRunError(`${what ?? p.label.ended} (the function's process ended: ${why})`)));
      });
    });
    child.on('error', (error) => this.settle((p) => p.reject(error)));
  }

  /** Starts the child process for the module `file`; nothing of the user's is loaded until the first request. */
  static start(signal: AbortSignal, file: string): UserFunctionRunner {
    const child = fork(childFile, [], {
      execArgv: userExecArgv(childFile, file),
      serialization: 'advanced',
      // fd 4: the note a dying child leaves (what it was running), written synchronously as it exits.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc', 'pipe'],
      ...ownProcessGroup,
    });
    const token = randomBytes(16).toString('hex');
    child.send({ type: 'hello', token });
    return new UserFunctionRunner(child, token, signal, new LastWords(child, token));
  }

  /** Sends one request and resolves to its reply; a fault reply rejects as bad input (module) or as a failed run. */
  async request<T extends RunnerReply['type']>(request: RunnerRequest, expect: T, timeoutMs: number, label: RequestLabel): Promise<Extract<RunnerReply, { type: T }>> {
    this.signal.throwIfAborted();
    if (this.stray !== undefined) throw this.stray;
    if (this.exited) throw new UserRunError(`${label.ended} (the function's process had already ended)`);
    const reply = await new Promise<RunnerReply>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new UserRunError(label.late)), timeoutMs);
      const onAbort = (): void => this.fail(this.signal.reason);
      this.signal.addEventListener('abort', onAbort, { once: true });
      const done = (): void => {
        clearTimeout(timer);
        this.signal.removeEventListener('abort', onAbort);
      };
      this.pending = {
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
        label,
      };
      this.child.send(request);
    });
    if (reply.type === 'fault') throw reply.fault === 'module' ? new UserModuleError(reply.message) : new UserRunError(reply.message);
    if (reply.type !== expect) throw new Error(`the function's process answered ${reply.type} to ${request.type}`);
    return reply as Extract<RunnerReply, { type: T }>;
  }

  /** Kills the child process and its process group; safe to call at any time. */
  close(): void {
    signalGroup(this.child);
  }

  private fail(error: unknown): void {
    this.settle((p) => p.reject(error));
    this.close();
  }

  private settle(with_: (pending: Pending) => void): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending !== undefined) with_(pending);
  }
}
