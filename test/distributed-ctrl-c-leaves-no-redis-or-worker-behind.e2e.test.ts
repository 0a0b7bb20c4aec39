import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLabCli } from './helpers/cli.ts';
import { descendants, exists, until } from './helpers/processes.ts';
import { needsService } from './helpers/services.ts';

const redisServer = needsService('redis-server');

describe.skipIf(redisServer.skip)(redisServer.title('Ctrl-C during a distributed run'), () => {
  it('exits 130 and leaves no redis-server, no worker process and no socket directory behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-queue-int-'));
    const workload = join(dir, 'long.json');
    const task = (name: string): object => ({ name, parts: [{ kind: 'cpu', units: 10 }, { kind: 'wait', ms: 60_000 }] });
    await writeFile(workload, JSON.stringify({ name: 'long', tasks: [task('a'), task('b'), task('c')] }));
    let seen: { pid: number; args: string }[] = [];
    const finished = await runLabCli(['run', '--workload', workload, '--modes', 'distributed', '--workers', '2', '--repeats', '1', '--warmups', '0', '--no-save'], (lab) => {
      void until(() => {
        const now = descendants(lab.pid!);
        const redis = now.filter((p) => p.args.includes('redis-server'));
        const workers = now.filter((p) => p.args.includes('worker-process'));
        return redis.length === 1 && workers.length === 2 ? now : undefined;
      }, 30_000).then((up) => {
        seen = up ?? [];
        // Let the jobs reach the workers, then interrupt the lab alone, as a terminal's Ctrl-C to it would.
        setTimeout(() => lab.kill('SIGINT'), 1000);
      });
    });
    expect(finished.stderr).toBe('lab: interrupted: the run was stopped and nothing was saved for it\n');
    expect(finished.code).toBe(130);
    const redis = seen.find((p) => p.args.includes('redis-server'));
    expect(redis).toBeDefined();
    expect(seen.filter((p) => p.args.includes('worker-process'))).toHaveLength(2);
    expect(await until(() => (seen.some((p) => exists(p.pid)) ? undefined : true), 5_000)).toBe(true);
    // The private Redis listened on a socket in a temporary directory of its own: removed with it.
    const socket = /unixsocket:?\s*(\S+)/.exec(redis!.args)?.[1] ?? /(\/\S+redis\.sock)/.exec(redis!.args)?.[1];
    expect(socket).toBeDefined();
    expect(existsSync(dirname(socket!))).toBe(false);
  });
});
