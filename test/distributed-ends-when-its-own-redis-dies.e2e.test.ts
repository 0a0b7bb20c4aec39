import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../src/errors/lab-error.ts';
import { lingering } from './helpers/processes.ts';
import { jobsOnWorkers, socketOf } from './helpers/queue-jobs.ts';
import { GUARD_MS, labStruckMidRun, redisDiesFile, silentAfterTheProbe, workersOf } from './helpers/redis-dies.ts';
import { needsService } from './helpers/services.ts';

const redisServer = needsService('redis-server');
const { workload } = redisDiesFile();

// Split by what dies, so the files' waits overlap. A private Redis's exit is seen at once; the silent one is given a short bound (--redis-timeout 1).
describe.skipIf(redisServer.skip)(redisServer.title('a distributed run whose own Redis dies, or answers only its first contact'), () => {
  it(
    "the lab's own redis-server killed (SIGKILL) mid-run: one line, exit 1, and the lab exits by itself leaving no worker, server or socket directory",
    async () => {
      const run = await labStruckMidRun(
        ['run', '--workload', workload(), '--modes', 'distributed', '--workers', '2', '--repeats', '3', '--warmups', '0', '--no-save'],
        (now) => now.some((p) => p.args.includes('redis-server')) && workersOf(now).length === 2,
        async (now) => {
          const server = now.find((p) => p.args.includes('redis-server'))!;
          await jobsOnWorkers(socketOf(server.args)!, 2, 30_000);
          process.kill(server.pid, 'SIGKILL');
        },
      );
      const server = run.seen.find((p) => p.args.includes('redis-server'));
      expect(server).toBeDefined();
      const socket = socketOf(server!.args)!;
      expect(run.stderr).toBe(`lab: distributed run of workload "waits" failed: Redis at ${socket} exited mid-run (SIGKILL); the run was stopped\n`);
      expect(run.code).toBe(ExitCode.failed);
      expect(workersOf(run.seen)).toHaveLength(2);
      expect(await lingering(run.seen)).toEqual([]);
      expect(existsSync(dirname(socket))).toBe(false);
    },
    GUARD_MS,
  );

  it(
    'a --redis Redis that answers the first contact and then nothing: the opening fails in one line, exit 1, and the lab exits by itself',
    async () => {
      const silent = await silentAfterTheProbe();
      try {
        const run = await labStruckMidRun(
          ['run', '--workload', workload(), '--modes', 'distributed', '--redis', silent.url, '--workers', '2', '--repeats', '1', '--warmups', '0', '--no-save', '--redis-timeout', '1'],
          () => true,
          async () => undefined,
        );
        expect(run.stderr).toMatch(new RegExp(`^lab: Redis at ${silent.url} stopped answering while the lab set up its queue \\(no answer within 1 s\\); nothing was run\\n$`));
        expect(run.code).toBe(ExitCode.failed);
        expect(workersOf(run.seen)).toEqual([]);
      } finally {
        for (const socket of silent.sockets) socket.destroy();
        silent.server.close();
      }
    },
    GUARD_MS,
  );
});
