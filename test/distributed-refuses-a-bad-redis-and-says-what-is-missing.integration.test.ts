import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { distributed } from '../experiments/distributed/index.ts';
import { runLab } from '../src/cli/main.ts';
import type { Experiment } from '../src/experiment/context.ts';
import { defineExperiment } from '../src/experiment/define.ts';
import { parseRedisTarget } from '../src/runtime/queue/redis-target.ts';
import { ExitCode } from '../src/errors/lab-error.ts';
import { Capture } from './helpers/streams.ts';

async function lab(argv: readonly string[], experiments: readonly Experiment[] = [distributed]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runLab(argv, experiments, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const path = process.env.PATH;
afterEach(() => {
  process.env.PATH = path;
});

describe('--redis', () => {
  it('reads redis://HOST[:PORT][/DB] and socket paths', () => {
    expect(parseRedisTarget('redis://cache.local:6380')).toEqual({ kind: 'tcp', host: 'cache.local', port: 6380, db: 0, url: 'redis://cache.local:6380' });
    expect(parseRedisTarget('redis://10.0.0.5')).toMatchObject({ kind: 'tcp', host: '10.0.0.5', port: 6379 });
    expect(parseRedisTarget('redis://[::1]:7000/2')).toMatchObject({ kind: 'tcp', host: '::1', port: 7000, db: 2 });
    expect(parseRedisTarget('/run/redis/redis.sock')).toEqual({ kind: 'socket', path: '/run/redis/redis.sock', url: '/run/redis/redis.sock' });
    expect(parseRedisTarget('unix:///tmp/r.sock')).toMatchObject({ kind: 'socket', path: '/tmp/r.sock' });
  });

  it.each([
    ['http://localhost:6379', /neither a redis:\/\/ URL nor a socket path/],
    ['redis://host:6379?db=1', /options \(\?\.\.\. or #\.\.\.\) are not supported/],
    ['redis://alice@host:6379', /a user name needs its password/],
    ['redis://host:99999', /not a valid URL/],
    ['redis://host:6379/x', /the database after the port must be a whole number from 0 to 15/],
    ['localhost', /neither a redis:\/\/ URL nor a socket path/],
  ])('refuses %s in one line, exit code 2', async (value, message) => {
    const { code, stderr } = await lab(['distributed', '--redis', value, '--no-save']);
    expect(code).toBe(ExitCode.badInput);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/^lab: [^\n]*accepted: redis:\/\/\[\[USER\]:PASSWORD@\]HOST:PORT[^\n]*\n$/);
  });

  it('refuses a socket where no Redis answers, naming it, exit code 2', async () => {
    const socket = join(await mkdtemp(join(tmpdir(), 'lab-no-redis-')), 'none.sock');
    const { code, stderr } = await lab(['distributed', '--redis', socket, '--no-save', '--quick']);
    expect(code).toBe(ExitCode.badInput);
    expect(stderr).toMatch(new RegExp(`^lab: --redis ${socket}: no Redis answered there[^\\n]*\\n$`));
  });

  it('is what the worker command needs', async () => {
    const { code, stderr } = await lab(['worker']);
    expect(code).toBe(ExitCode.badInput);
    expect(stderr).toMatch(/^lab: worker needs --redis URL[^\n]*\n$/);
    expect((await lab(['worker', '--redis', 'redis://h:1', '--queue', 'no spaces'])).stderr).toMatch(/^lab: --queue "no spaces" is not a queue name/);
  });
});

describe('without redis-server on this machine', () => {
  it('distributed says so in one line, names the Debian package, and exits 2', async () => {
    process.env.PATH = await mkdtemp(join(tmpdir(), 'lab-empty-path-'));
    const { code, stderr } = await lab(['distributed', '--quick', '--no-save']);
    expect(code).toBe(ExitCode.badInput);
    expect(stderr).toMatch(/^lab: distributed needs redis-server, which is not installed here: install the Debian package redis-server[^\n]*\n$/);
  });

  it('all skips distributed with that line and runs the others', async () => {
    const other = defineExperiment('other', {
      question: 'Does all go on?',
      defaults: { repeats: 1, quickRepeats: 1 },
      measure: async () => 1,
      analyse: () => ({ tables: [], rows: [], facts: { ran: 1 }, notes: [] }),
    });
    process.env.PATH = await mkdtemp(join(tmpdir(), 'lab-empty-path-'));
    const { code, stdout, stderr } = await lab(['all', '--quick', '--no-save', '--json'], [distributed, other]);
    expect(code).toBe(ExitCode.ok);
    expect(stderr).toMatch(/^lab: skipped distributed: distributed needs redis-server[^\n]*apt-get install redis-server[^\n]*\n$/m);
    expect(JSON.parse(stdout)).toMatchObject({ experiment: 'other' });
  });
});
