import { describe, expect, it } from 'vitest';
import { startPrivateRedis } from '../src/runtime/queue/redis-server.ts';
import { ExitCode } from '../src/errors/lab-error.ts';
import { REDIS_BOUNDS_MS } from '../src/runtime/queue/redis-bounds.ts';
import { lingering } from './helpers/processes.ts';
import { jobsOnWorkers } from './helpers/queue-jobs.ts';
import { GUARD_MS, labStruckMidRun, redisDiesFile, started, workersOf } from './helpers/redis-dies.ts';
import { needsService } from './helpers/services.ts';

const redisServer = needsService('redis-server');
const { workload } = redisDiesFile();

// Split by what dies, so the files' waits overlap. The killed Redis is given a short bound (--redis-timeout 1); the frozen one
// keeps the run's default (3 s), so that the default is seen to reach the run's watchdog and its line.
describe.skipIf(redisServer.skip)(redisServer.title('a distributed run whose --redis Redis dies'), () => {
  it.each([
    ['killed (SIGKILL)', 'SIGKILL', ['--redis-timeout', '1'], 1],
    ['frozen (SIGSTOP: its sockets stay open and nothing answers)', 'SIGSTOP', [], REDIS_BOUNDS_MS.run / 1000],
  ] as const)(
    'a --redis Redis %s mid-run: one line naming the seconds waited, exit 1, and the lab exits by itself leaving no worker process',
    async (_how, signal, bound, seconds) => {
      const redis = await startPrivateRedis();
      started.redis.push(redis);
      const run = await labStruckMidRun(
        ['run', '--workload', workload(), '--modes', 'distributed', '--redis', redis.target.url, '--workers', '2', '--repeats', '3', '--warmups', '0', '--no-save', ...bound],
        (now) => workersOf(now).length === 2,
        async () => {
          await jobsOnWorkers(redis.target.url, 2, 30_000);
          process.kill(redis.pid, signal);
        },
      );
      expect(run.stderr).toMatch(new RegExp(`^lab: distributed run of workload "waits" failed: Redis at ${redis.target.url} stopped answering mid-run \\(no reply to PING within ${seconds} s\\)[^\\n]*\\n$`));
      expect(run.code).toBe(ExitCode.failed);
      expect(workersOf(run.seen)).toHaveLength(2);
      expect(await lingering(run.seen)).toEqual([]);
    },
    GUARD_MS,
  );
});
