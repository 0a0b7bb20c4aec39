import { ExitCode, LabError } from '../../errors/lab-error.ts';

/** `--redis` names no Redis the lab can use (bad syntax, or nothing answers there at the start). Bad input: exit code 2. */
export class RedisTargetError extends LabError {
  override name = 'RedisTargetError';
  override readonly exitCode: number = ExitCode.badInput;
}

/**
 * No `redis-server` to start a private Redis with: the lab cannot run `distributed` on this machine
 * as it stands. Exit code 2; `all` skips the experiment with this line (`skippable`).
 */
export class RedisServerMissingError extends LabError {
  override name = 'RedisServerMissingError';
  override readonly exitCode: number = ExitCode.badInput;
  /** `all` reports this line and goes on with the other experiments. */
  readonly skippable = true;
  constructor() {
    super('distributed needs redis-server, which is not installed here: install the Debian package redis-server (apt-get install redis-server), or give --redis URL of a running Redis');
  }
}

/** A Redis that stopped answering mid-run, or a private one that exited: the run fails (exit code 1) naming the URL. */
export class RedisUnavailableError extends LabError {
  override name = 'RedisUnavailableError';
  constructor(
    readonly url: string,
    what: string,
  ) {
    super(`Redis at ${url} ${what}`);
  }
}

/** A worker process ended itself under a task (its `exit` fault, or running out of memory): the task is named, as the processes mode names it. */
export class WorkerProcessLostError extends LabError {
  override name = 'WorkerProcessLostError';
  constructor(
    readonly task: string,
    readonly pid: number,
    readonly code: number,
  ) {
    super(`task "${task}" ended its worker process: process ${pid} exited with code ${code}; the other worker processes live on`);
  }
}
