import { describe, expect, it } from 'vitest';
import { startPrivateRedis } from '../src/runtime/queue/redis-server.ts';
import { ExitCode } from '../src/errors/lab-error.ts';
import { lingering } from './helpers/processes.ts';
import { GUARD_MS, labStruckMidRun, redisDiesFile, started, workersOf } from './helpers/redis-dies.ts';
import { needsService } from './helpers/services.ts';

const redisServer = needsService('redis-server');
// No workload: a worker serves whatever its Redis holds; the file still ends what each test started.
redisDiesFile();

// Each case waits on the bound it gives (--redis-timeout 1); its default, 10 s, reaches the watch in redis-timeout-reaches-the-watchdogs.unit.test.ts.
describe.skipIf(redisServer.skip)(redisServer.title('worker --redis whose Redis dies'), () => {
  it.each([
    ['killed (SIGKILL)', 'SIGKILL'],
    ['frozen (SIGSTOP)', 'SIGSTOP'],
  ] as const)(
    'worker --redis whose Redis is %s: after no answer for --redis-timeout 1 s it says so in one line and exits 1, leaving no worker process',
    async (_how, signal) => {
      const redis = await startPrivateRedis();
      started.redis.push(redis);
      const run = await labStruckMidRun(
        ['worker', '--redis', redis.target.url, '--workers', '2', '--redis-timeout', '1'],
        (now, _lab, stdout) => workersOf(now).length === 2 && stdout.includes('Ctrl-C stops'),
        async () => {
          process.kill(redis.pid, signal);
        },
      );
      expect(run.stderr).toBe(`lab: Redis at ${redis.target.url} stopped answering: no reply to PING for 1 s; the worker processes were stopped\n`);
      expect(run.code).toBe(ExitCode.failed);
      expect(workersOf(run.seen)).toHaveLength(2);
      expect(await lingering(run.seen)).toEqual([]);
    },
    GUARD_MS,
  );

});
