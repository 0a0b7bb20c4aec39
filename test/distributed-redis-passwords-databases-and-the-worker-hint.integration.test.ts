import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueLines } from '../experiments/catalogue-lines.ts';
import { runLab } from '../src/cli/main.ts';
import { ExitCode } from '../src/errors/lab-error.ts';
import { parseRedisTarget } from '../src/runtime/queue/redis-target.ts';
import { lingering, type ProcessEntry, watchStarted } from './helpers/processes.ts';
import { needsService } from './helpers/services.ts';
import { Capture } from './helpers/streams.ts';

const redisServer = needsService('redis-server');
const PASSWORD = 's3cret-Pa55';

/** A free TCP port on the loopback, as the system hands one out. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A redis-server of the test's own on a loopback port, with `extra` settings (a password). */
async function startRedis(extra: readonly string[]): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'lab-redis-auth-'));
  const child = spawn(redisServer.path!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/ready to accept connections/i.test(output)) resolve();
    });
    child.once('exit', () => reject(new Error(`redis-server exited: ${output}`)));
  });
  child.stdout?.resume();
  return { url: `redis://127.0.0.1:${port}`, child };
}

/** The lab in this process, with every worker process it started meanwhile (polled from the process table). */
async function lab(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string; seen: ProcessEntry[] }> {
  const watch = watchStarted();
  const stdout = new Capture();
  const stderr = new Capture();
  let code: number;
  let started: ProcessEntry[];
  try {
    code = await runLab(argv, catalogueLines, { stdout, stderr });
  } finally {
    started = await watch.stop();
  }
  return { code, stdout: stdout.text, stderr: stderr.text, seen: started.filter((p) => p.args.includes('worker-process')) };
}

describe('--redis database numbers', () => {
  it('a database past what a number can hold is refused with the range, exit code 2', () => {
    expect(() => parseRedisTarget('redis://host:6379/99999999999')).toThrow(/the database after the port must be a whole number from 0 to 15 \(Redis has 16 databases unless its "databases" setting gives more\), got "\/99999999999"/);
    expect(parseRedisTarget('redis://host:6379/99999')).toMatchObject({ db: 99999 });
  });
});

describe.skipIf(redisServer.skip)(redisServer.title('--redis with a password, a database out of range, and worker pointed at nothing'), () => {
  let open: { url: string; child: ChildProcess };
  let guarded: { url: string; child: ChildProcess };
  let workload: string;
  beforeAll(async () => {
    [open, guarded] = await Promise.all([startRedis([]), startRedis(['--requirepass', PASSWORD])]);
    workload = join(await mkdtemp(join(tmpdir(), 'lab-redis-auth-w-')), 'small.json');
    await writeFile(workload, JSON.stringify({ name: 'small', tasks: [{ name: 'a', parts: [{ kind: 'wait', ms: 20 }] }, { name: 'b', parts: [{ kind: 'cpu', units: 5 }] }] }));
  });
  afterAll(() => {
    open.child.kill('SIGKILL');
    guarded.child.kill('SIGKILL');
  });

  it('a Redis that asks for a password, given none: says so and how to give it, exit code 2, no worker started', async () => {
    const run = await lab(['run', '--workload', workload, '--modes', 'distributed', '--redis', guarded.url, '--workers', '1', '--repeats', '1', '--warmups', '0', '--no-save']);
    expect(run.stderr).toBe(`lab: --redis ${guarded.url}: this Redis requires a password (NOAUTH): give it in the URL, redis://:PASSWORD@HOST:PORT, or redis://USER:PASSWORD@HOST:PORT for a user of its ACL\n`);
    expect(run.code).toBe(ExitCode.badInput);
    expect(run.seen).toEqual([]);
  });

  it('the password in the URL is used, and shown nowhere: not in the output, not on a worker process command line', async () => {
    const url = guarded.url.replace('redis://', `redis://:${PASSWORD}@`);
    const run = await lab(['run', '--workload', workload, '--modes', 'distributed', '--redis', url, '--workers', '2', '--repeats', '1', '--warmups', '0', '--no-save']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(ExitCode.ok);
    expect(run.stdout).not.toContain(PASSWORD);
    expect(run.seen.length).toBe(2);
    expect(run.seen.filter((p) => p.args.includes(PASSWORD))).toEqual([]);
    expect(await lingering(run.seen)).toEqual([]);
  }, 60_000);

  it('a wrong password, or one that the Redis does not ask for: one line each without the password, exit code 2', async () => {
    const wrong = await lab(['run', '--workload', workload, '--modes', 'distributed', '--redis', guarded.url.replace('redis://', 'redis://:nope-not-it@'), '--no-save']);
    expect(wrong.stderr).toMatch(new RegExp(`^lab: --redis ${guarded.url}: this Redis refused the user name or password in the URL \\(WRONGPASS[^\\n]*\\)\\n$`));
    expect(wrong.stderr).not.toContain('nope-not-it');
    expect(wrong.code).toBe(ExitCode.badInput);
    const needless = await lab(['run', '--workload', workload, '--modes', 'distributed', '--redis', open.url.replace('redis://', `redis://:${PASSWORD}@`), '--no-save']);
    expect(needless.stderr).toMatch(new RegExp(`^lab: --redis ${open.url}: this Redis asks for no password, and refused the one in the URL \\([^\\n]*\\): leave it out, redis://HOST:PORT\\n$`));
    expect(needless.stderr).not.toContain(PASSWORD);
    expect(needless.code).toBe(ExitCode.badInput);
    expect([...wrong.seen, ...needless.seen]).toEqual([]);
  });

  it('a user who may not write (NOPERM): refused at the door in one line, exit code 2, nothing started', async () => {
    const { port } = new URL(open.url);
    const admin = new Redis(Number(port), '127.0.0.1', { lazyConnect: true });
    await admin.connect();
    await admin.call('ACL', 'SETUSER', 'reader', 'on', '>reader-pw', '~*', '&*', '+@all', '-@write');
    admin.disconnect();
    const run = await lab(['run', '--workload', workload, '--modes', 'distributed', '--redis', open.url.replace('redis://', 'redis://reader:reader-pw@'), '--no-save']);
    expect(run.stderr).toMatch(new RegExp(`^lab: --redis ${open.url}: this Redis refused a write \\(NOPERM[^\\n]*\\); the lab writes its queue there: give a primary Redis, and a user allowed to write\\n$`));
    expect(run.stderr).not.toContain('reader-pw');
    expect(run.code).toBe(ExitCode.badInput);
    expect(run.seen).toEqual([]);
  });

  it("a database past the server's count gets the range it has, exit code 2", async () => {
    const run = await lab(['run', '--workload', workload, '--modes', 'distributed', '--redis', `${open.url}/99999`, '--no-save']);
    expect(run.stderr).toMatch(new RegExp(`^lab: --redis ${open.url}/99999: database 99999 is out of this Redis's range \\([^\\n]*\\): it has 16 databases, numbered 0 to 15\\n$`));
    expect(run.code).toBe(ExitCode.badInput);
    expect(run.seen).toEqual([]);
  });

  it('worker pointed at nothing is told to give the Redis of the lab run it serves, not to leave --redis out', async () => {
    const socket = join(await mkdtemp(join(tmpdir(), 'lab-no-redis-')), 'none.sock');
    const run = await lab(['worker', '--redis', socket]);
    expect(run.stderr).toMatch(new RegExp(`^lab: --redis ${socket}: no Redis answered there \\([^\\n]*\\); give the URL or socket of the running Redis that the lab's distributed run was given with --redis\\n$`));
    expect(run.stderr).not.toMatch(/leave --redis out/);
    expect(run.code).toBe(ExitCode.badInput);
    expect(run.seen).toEqual([]);
  });
});
