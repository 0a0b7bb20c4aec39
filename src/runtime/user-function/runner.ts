import { fork, type ChildProcess } from 'node:child_process';
import { UserModuleError, UserRunError } from './errors.ts';
import type { RunnerReply, RunnerRequest } from './runner-protocol.ts';
import { entryBeside, tsxLoader } from '../entry-points.ts';

const hooks = new URL('./register-hooks.mjs', import.meta.url).href;
const childFile = entryBeside(import.meta.url, 'runner-child');

/** What a request is about, for the one line a failure gets: "input 3 in baseline". */
export interface RequestLabel {
  /** Said when the request outlives its time: "input 3 did not return within 60 s (--timeout) in baseline". */
  readonly late: string;
  /** Said when the child process ends during the request: "input 3 ended the process in baseline". */
  readonly ended: string;
}

/**
 * The lab's side of the child process that holds a user's function: one request at a time, each
 * bounded in time. The child is killed when a request outlives its time, when `signal` aborts, and
 * on `close`; its death during a request fails that request with the request's own words.
 */
export class UserFunctionRunner {
  private pending: { resolve: (reply: RunnerReply) => void; reject: (error: unknown) => void; label: RequestLabel } | undefined;
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly signal: AbortSignal,
  ) {
    child.on('message', (reply: RunnerReply) => this.settle((p) => p.resolve(reply)));
    child.on('exit', (code, by) => {
      this.exited = true;
      const how = by !== null ? `killed by ${by}` : `exit code ${code}`;
      this.settle((p) => p.reject(new UserRunError(`${p.label.ended} (the function's process ended: ${how}; process.exit in the function?)`)));
    });
    child.on('error', (error) => this.settle((p) => p.reject(error)));
  }

  /** Starts the child process; nothing of the user's is loaded until the first request. */
  static start(signal: AbortSignal): UserFunctionRunner {
    const child = fork(childFile, [], {
      execArgv: ['--import', tsxLoader, '--import', hooks],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    return new UserFunctionRunner(child, signal);
  }

  /** Sends one request and resolves to its reply; a fault reply rejects as bad input (module) or as a failed run. */
  async request<T extends RunnerReply['type']>(request: RunnerRequest, expect: T, timeoutMs: number, label: RequestLabel): Promise<Extract<RunnerReply, { type: T }>> {
    this.signal.throwIfAborted();
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

  /** Kills the child process; safe to call at any time. */
  close(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private fail(error: unknown): void {
    this.settle((p) => p.reject(error));
    this.close();
  }

  private settle(with_: (pending: NonNullable<UserFunctionRunner['pending']>) => void): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending !== undefined) with_(pending);
  }
}
