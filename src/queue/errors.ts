/** Errors of the queue: each says what went wrong with which Redis, in one line. */

/** `--redis` names no Redis the lab can use: bad syntax. Bad input (exit code 2). */
export class RedisTargetError extends Error {
  override name = 'RedisTargetError';
}

/** No `redis-server` to start a private Redis with. Bad input (exit code 2): the lab cannot run `distributed` here. */
export class RedisServerMissingError extends Error {
  override name = 'RedisServerMissingError';
  constructor() {
    super('distributed needs redis-server, which is not installed here: install the Debian package redis-server (apt-get install redis-server), or give --redis URL of a running Redis');
  }
}

/** A Redis that did not answer: at the start (unreachable), or mid-run (gone). */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
  constructor(
    readonly url: string,
    what: string,
  ) {
    super(`Redis at ${url} ${what}`);
  }
}
