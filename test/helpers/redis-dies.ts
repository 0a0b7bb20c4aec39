import type { ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll } from 'vitest';
import type { PrivateRedis } from '../../src/runtime/queue/redis-server.ts';
import { runLabCli, type Finished } from './cli.ts';
import { descendants, exists, until, type ProcessEntry } from './processes.ts';

/** The vitest timeout is only a guard: each test waits for the spawned lab to exit by itself. */
export const GUARD_MS = 90_000;

/**
 * For a test file of labs whose Redis dies: writes the workload before its tests, and ends
 * whatever each test started, whatever happened, so that a failing test leaves nothing either.
 * Returns the workload's path (read it inside a test).
 */
export function redisDiesFile(): { readonly workload: () => string } {
  let workload = '';
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-redis-dies-'));
    workload = join(dir, 'waits.json');
    // The workload: 40 tasks of three 300 ms waits, long enough with two workers (18 s a run) to be mid-run.
    const tasks = Array.from({ length: 40 }, (_, i) => ({ name: `t${i}`, parts: [{ kind: 'wait', ms: 300 }, { kind: 'wait', ms: 300 }, { kind: 'wait', ms: 300 }] }));
    await writeFile(workload, JSON.stringify({ name: 'waits', tasks }));
  });
  afterEach(endWhatWasStarted);
  return { workload: () => workload };
}

/** What a test started, ended after it. */
export const started: { labs: ChildProcess[]; pids: number[]; redis: PrivateRedis[] } = { labs: [], pids: [], redis: [] };
async function endWhatWasStarted(): Promise<void> {
  for (const lab of started.labs) if (lab.exitCode === null && lab.signalCode === null) lab.kill('SIGKILL');
  for (const pid of started.pids) if (exists(pid)) process.kill(pid, 'SIGKILL');
  for (const redis of started.redis) {
    if (exists(redis.pid)) process.kill(redis.pid, 'SIGCONT');
    await redis.stop();
  }
  started.labs = [];
  started.pids = [];
  started.redis = [];
}

/**
 * Spawns the lab with `args`; once its `ready` probe returns the lab's processes (polled from the
 * process table), does `strike` to them; returns how the lab ended and every process it had started.
 */
export async function labStruckMidRun(
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
export async function silentAfterTheProbe(): Promise<{ url: string; server: Server; sockets: Socket[] }> {
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

export const workersOf = (processes: readonly ProcessEntry[]): ProcessEntry[] => processes.filter((p) => p.args.includes('worker-process'));

