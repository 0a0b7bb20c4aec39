import { spawn } from 'node:child_process';
import { LabError } from '../errors/lab-error.ts';
import { ownProcessGroup, signalGroup } from './child-group.ts';

export interface ProcessOptions {
  readonly cwd?: string;
  /** Aborting it kills the process. */
  readonly signal?: AbortSignal;
  /** The process is killed after this long; default 30 s, so that no inspection can hang the lab. */
  readonly timeoutMs?: number;
}

/** A process exited with a non-zero code, was killed, or could not start. */
export class ProcessFailedError extends LabError {
  override name = 'ProcessFailedError';
  constructor(
    readonly command: string,
    readonly code: number | null,
    readonly stderr: string,
    override readonly cause?: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : code === null ? 'was killed (timeout or abort)' : `exited with code ${code}`;
    super(`${command} ${why}${stderr.trim() === '' ? '' : `: ${stderr.trim().split('\n').slice(0, 3).join(' | ')}`}`, cause === undefined ? undefined : { cause });
  }
}

/** Runs a program to its end and returns what it wrote to stdout; throws a `ProcessFailedError` unless it exits with 0. */
export function runProcess(file: string, args: readonly string[], options: ProcessOptions = {}): Promise<string> {
  const command = [file, ...args].map((a) => a.split('/').pop()).join(' ');
  // The child must not inherit loaders or flags meant for this process (tsx, vitest).
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...ownProcessGroup,
    });
    // Node's own `timeout` and `signal` options would kill the child alone: the whole group is killed here.
    const killGroup = (): void => signalGroup(child);
    const timer = setTimeout(killGroup, options.timeoutMs ?? 30_000);
    if (options.signal?.aborted === true) killGroup();
    options.signal?.addEventListener('abort', killGroup, { once: true });
    child.once('exit', () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', killGroup);
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new ProcessFailedError(command, null, Buffer.concat(err).toString(), error)));
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString();
      if (code === 0) resolve(stdout);
      else reject(new ProcessFailedError(command, code, Buffer.concat(err).toString() || stdout));
    });
  });
}
