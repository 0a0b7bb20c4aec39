import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sharedNow } from '../scheduler/index.ts';
import { LabError } from '../errors/lab-error.ts';
import type { ProcessMessage, ProcessRequest } from './process-protocol.ts';
import { entryBeside, labExecArgv } from './entry-points.ts';
import { ownProcessGroup, signalGroup } from './child-group.ts';

const childFile = fileURLToPath(entryBeside(import.meta.url, 'process-child'));

/** A process of the pool ended (it exited, was killed, or never came up) while a request was on it. */
export class ProcessExitedError extends LabError {
  override name = 'ProcessExitedError';
}

/** How a forked process ended, in words: "exited with code 3", "was killed by SIGKILL". */
function endedHow(code: number | null, signal: NodeJS.Signals | null, lastError: string): string {
  const how = signal !== null ? `was killed by ${signal}` : `exited with code ${code ?? 'unknown'}`;
  return lastError === '' ? how : `${how} (${lastError})`;
}

/** A request before the slot numbers it. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

interface InFlight {
  readonly id: number;
  resolve(message: ProcessMessage): void;
  reject(error: unknown): void;
}

/**
 * One forked Node process running `process-child.ts`: spawned with the tsx loader, ready when
 * its modules are loaded, one request at a time. Its start-up time, spawn to ready, is measured
 * on the shared clock.
 */
export class ProcessSlot {
  readonly child: ChildProcess;
  /** Resolves with the spawn-to-ready time in ms; rejects if the process ends or `timeoutMs` passes first. */
  readonly ready: Promise<number>;
  /** Resolves when the process has ended, however it ended. */
  readonly exited: Promise<string>;
  private inFlight: InFlight | undefined;
  private isReady = false;
  private lastError = '';
  private nextId = 0;

  constructor(maxHeapMb: number, timeoutMs: number) {
    const spawnedAt = sharedNow();
    this.child = fork(childFile, [], {
      execArgv: labExecArgv(childFile, `--max-old-space-size=${maxHeapMb}`),
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      ...ownProcessGroup,
    });
    // The last line a dying process wrote (e.g. V8's "heap out of memory") goes into the error, not onto the lab's terminal.
    this.child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      const line = text.trim().split('\n').pop()?.trim() ?? '';
      if (line !== '') this.lastError = line.slice(0, 200);
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        signalGroup(this.child); // whatever the process started ends with it
        const how = endedHow(code, signal, this.lastError);
        this.inFlight?.reject(new ProcessExitedError(`process ${this.child.pid ?? '?'} ${how}`));
        this.inFlight = undefined;
        resolve(how);
      });
    });
    this.ready = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ProcessExitedError(`a forked process did not become ready within ${timeoutMs} ms`)), timeoutMs);
      this.child.once('message', () => {
        clearTimeout(timer);
        this.isReady = true;
        resolve(sharedNow() - spawnedAt);
      });
      void this.exited.then((how) => {
        clearTimeout(timer);
        reject(new ProcessExitedError(`a forked process ${how} before it was ready`));
      });
    });
    // Readiness is awaited where it matters; an unawaited failure here must not end the lab.
    this.ready.catch(() => undefined);
    this.child.on('message', (message: ProcessMessage) => {
      if (message.kind === 'ready') return;
      const waiting = this.inFlight;
      if (waiting === undefined || message.id !== waiting.id) return;
      this.inFlight = undefined;
      waiting.resolve(message);
    });
    // A send to a process that just died fails asynchronously; its exit already rejected the request.
    this.child.on('error', () => undefined);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Ready and not serving a request. */
  get free(): boolean {
    return this.isReady && this.inFlight === undefined && this.alive;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends one request (the slot must be free) and resolves with the process's answer to it. */
  call(request: WithoutId<ProcessRequest>): Promise<ProcessMessage> {
    if (this.inFlight !== undefined) throw new Error(`process ${this.pid} is busy`);
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      if (!this.alive || !this.child.connected) {
        reject(new ProcessExitedError(`process ${this.pid} has ended`));
        return;
      }
      this.inFlight = { id, resolve, reject };
      this.child.send({ ...request, id } as ProcessRequest);
    });
  }

  /** Ends the process: closing the channel lets it leave by itself; one that does not within `graceMs` (a task that never yields) is killed. */
  async end(graceMs = 500): Promise<void> {
    if (!this.alive) return;
    if (this.child.connected) this.child.disconnect();
    const timer = setTimeout(() => signalGroup(this.child), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Kills the process at once (a stopped run: whatever it runs must not go on). */
  async kill(): Promise<void> {
    signalGroup(this.child);
    await this.exited;
  }
}
