import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateRedis, type PrivateRedis } from '../src/runtime/queue/redis-server.ts';
import { ExitCode } from '../src/errors/lab-error.ts';
import { runLabCli, type Finished } from './helpers/cli.ts';
import { descendants, exists, lingering, until, type ProcessEntry } from './helpers/processes.ts';
import { jobsOnWorkers, socketOf } from './helpers/queue-jobs.ts';
import { needsService } from './helpers/services.ts';

const redisServer = needsService('redis-server');

// The vitest timeout is only a guard: each test waits for the spawned lab to exit by itself.
const GUARD_MS = 90_000;

let workload: string;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lab-redis-dies-'));
  workload = join(dir, 'waits.json');
  // The workload: 40 tasks of three 300 ms waits, long enough with two workers (18 s a run) to be mid-run.
  const tasks = Array.from({ length: 40 }, (_, i) => ({ name: `t${i}`, parts: [{ kind: 'wait', ms: 300 }, { kind: 'wait', ms: 300 }, { kind: 'wait', ms: 300 }] }));
  await writeFile(workload, JSON.stringify({ name: 'waits', tasks }));
});

/** What a test started, ended whatever happened, so that a failing test leaves nothing either. */
const started: { labs: ChildProcess[]; pids: number[]; redis: PrivateRedis[] } = { labs: [], pids: [], redis: [] };
afterEach(async () => {
  for (const lab of started.labs) if (lab.exitCode === null && lab.signalCode === null) lab.kill('SIGKILL');
  for (const pid of started.pids) if (exists(pid)) process.kill(pid, 'SIGKILL');
  for (const redis of started.redis) {
    if (exists(redis.pid)) process.kill(redis.pid, 'SIGCONT');
    await redis.stop();
  }
  started.labs = [];
  started.pids = [];
  started.redis = [];
});

/**
 * Spawns the lab with `args`; once its `ready` probe returns the lab's processes (polled from the
 * process table), does `strike` to them; returns how the lab ended and every process it had started.
 */
async function labStruckMidRun(
  args: readonly string[],
  ready: (processes: ProcessEntry[], lab: ChildProcess, stdout: string) => boolean,
  strike: (processes: ProcessEntry[]) => Promise<void>,
): Promise<Finished & { seen: ProcessEntry[] }> {
  let seen: ProcessEntry[] = [];
  const finished = await runLabCli(args, (lab) => {
    started.labs.push(lab);
    let stdout = '';
    lab.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    void until(() => {
      const now = descendants(lab.pid!).filter((p) => !p.args.startsWith('ps '));
      return ready(now, lab, stdout) ? now : undefined;
    }, 60_000).then(async (processes) => {
      seen = processes ?? [];
      started.pids.push(...seen.map((p) => p.pid));
      await strike(seen);
    });
  });
  return { ...finished, seen };
}

/**
 * A TCP server that answers the lab's first contact (its probes, which speak RESP2) and nothing
 * else, as a Redis that hangs right after the lab checked it: the queue's connections, which open
 * with HELLO, are accepted and left unanswered.
 */
async function silentAfterTheProbe(): Promise<{ url: string; server: Server; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    let silent = false;
    socket.on('data', (chunk: Buffer) => {
      for (const [, command] of chunk.toString().matchAll(/\*\d+\r\n\$\d+\r\n([A-Za-z]+)\r\n/g)) {
        silent ||= command!.toUpperCase() === 'HELLO';
        if (!silent) socket.write(command!.toUpperCase() === 'PING' ? '+PONG\r\n' : '+OK\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `redis://127.0.0.1:${(server.address() as { port: number }).port}`, server, sockets };
}

const workersOf = (processes: readonly ProcessEntry[]): ProcessEntry[] => processes.filter((p) => p.args.includes('worker-process'));

describe.skipIf(redisServer.skip)(redisServer.title('a distributed run whose Redis dies'), () => {
  it(
    "the lab's own redis-server killed (SIGKILL) mid-run: one line, exit 1, and the lab exits by itself leaving no worker, server or socket directory",
    async () => {
      const run = await labStruckMidRun(
        ['run', '--workload', workload, '--modes', 'distributed', '--workers', '2', '--repeats', '3', '--warmups', '0', '--no-save'],
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

  it.each([
    ['killed (SIGKILL)', 'SIGKILL'],
    ['frozen (SIGSTOP: its sockets stay open and nothing answers)', 'SIGSTOP'],
  ] as const)(
    'a --redis Redis %s mid-run: one line, exit 1, and the lab exits by itself leaving no worker process',
    async (_how, signal) => {
      const redis = await startPrivateRedis();
      started.redis.push(redis);
      const run = await labStruckMidRun(
        ['run', '--workload', workload, '--modes', 'distributed', '--redis', redis.target.url, '--workers', '2', '--repeats', '3', '--warmups', '0', '--no-save'],
        (now) => workersOf(now).length === 2,
        async () => {
          await jobsOnWorkers(redis.target.url, 2, 30_000);
          process.kill(redis.pid, signal);
        },
      );
      expect(run.stderr).toMatch(new RegExp(`^lab: distributed run of workload "waits" failed: Redis at ${redis.target.url} stopped answering mid-run \\(no reply to PING within \\d+ s\\)[^\\n]*\\n$`));
      expect(run.code).toBe(ExitCode.failed);
      expect(workersOf(run.seen)).toHaveLength(2);
      expect(await lingering(run.seen)).toEqual([]);
    },
    GUARD_MS,
  );

  it(
    'a --redis Redis that answers the first contact and then nothing: the opening fails in one line, exit 1, and the lab exits by itself',
    async () => {
      const silent = await silentAfterTheProbe();
      try {
        const run = await labStruckMidRun(
          ['run', '--workload', workload, '--modes', 'distributed', '--redis', silent.url, '--workers', '2', '--repeats', '1', '--warmups', '0', '--no-save'],
          () => true,
          async () => undefined,
        );
        expect(run.stderr).toMatch(new RegExp(`^lab: Redis at ${silent.url} stopped answering while the lab set up its queue \\([^\\n]*\\); nothing was run\\n$`));
        expect(run.code).toBe(ExitCode.failed);
        expect(workersOf(run.seen)).toEqual([]);
      } finally {
        for (const socket of silent.sockets) socket.destroy();
        silent.server.close();
      }
    },
    GUARD_MS,
  );

  it.each([
    ['killed (SIGKILL)', 'SIGKILL'],
    ['frozen (SIGSTOP)', 'SIGSTOP'],
  ] as const)(
    'worker --redis whose Redis is %s: after no answer for 10 s it says so in one line and exits 1, leaving no worker process',
    async (_how, signal) => {
      const redis = await startPrivateRedis();
      started.redis.push(redis);
      const run = await labStruckMidRun(
        ['worker', '--redis', redis.target.url, '--workers', '2'],
        (now, _lab, stdout) => workersOf(now).length === 2 && stdout.includes('Ctrl-C stops'),
        async () => {
          process.kill(redis.pid, signal);
        },
      );
      expect(run.stderr).toBe(`lab: Redis at ${redis.target.url} stopped answering: no reply to PING for 10 s; the worker processes were stopped\n`);
      expect(run.code).toBe(ExitCode.failed);
      expect(workersOf(run.seen)).toHaveLength(2);
      expect(await lingering(run.seen)).toEqual([]);
    },
    GUARD_MS,
  );
});
