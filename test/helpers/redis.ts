import { findRedisServer } from '../../src/queue/redis-server.ts';

/** Debian's redis-server, if installed (`apt-get install redis-server`); `.ci/run` installs it. */
export const redisServerPath = findRedisServer();

/**
 * Skip a Redis test where redis-server is absent, saying why, except under CI=true: there it runs and
 * fails (the session cannot start its Redis), since CI installs redis-server and must test the queue.
 */
export const skipWithoutRedis = redisServerPath === undefined && process.env.CI !== 'true';

/** A describe title that says when and why the block is skipped. */
export function redisTitle(title: string): string {
  return skipWithoutRedis ? `${title}: SKIPPED, no redis-server on PATH (apt-get install redis-server)` : title;
}
