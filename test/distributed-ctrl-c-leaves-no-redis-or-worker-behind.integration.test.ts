import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueLines } from '../experiments/catalogue-lines.ts';
import { InterruptedError } from '../src/cli/interrupt.ts';
import { runLab } from '../src/cli/main.ts';
import { lingering, startedFromNow, until, type ProcessEntry } from './helpers/processes.ts';
import { jobsOnWorkers, socketOf } from './helpers/queue-jobs.ts';
import { needsService } from './helpers/services.ts';
import { Capture } from './helpers/streams.ts';

const redisServer = needsService('redis-server');

describe.skipIf(redisServer.skip)(redisServer.title('Ctrl-C during a distributed run'), () => {
  it('exits 130 and leaves no redis-server, no worker process and no socket directory behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-queue-int-'));
    const workload = join(dir, 'long.json');
    const task = (name: string): object => ({ name, parts: [{ kind: 'cpu', units: 10 }, { kind: 'wait', ms: 60_000 }] });
    await writeFile(workload, JSON.stringify({ name: 'long', tasks: [task('a'), task('b'), task('c')] }));
    let seen: ProcessEntry[] = [];
    const startedHere = startedFromNow();
    // Interrupted in this process as Ctrl-C interrupts the lab: its signal aborted with the InterruptedError
    // the lab's SIGINT handler gives it, once the jobs reached both workers. (That a real SIGINT reaches that
    // handler and sets exit code 130 is proven on a spawned lab, in processes-mode-leaves-no-orphaned-process.e2e.test.ts.)
    const controller = new AbortController();
    const interrupt = (async () => {
      const up = await until(() => {
        const now = startedHere();
        const redis = now.filter((p) => p.args.includes('redis-server'));
        const workers = now.filter((p) => p.args.includes('worker-process'));
        return redis.length === 1 && workers.length === 2 ? now : undefined;
      }, 30_000);
      seen = up ?? [];
      try {
        // Let the jobs reach the workers, then interrupt the lab alone, as a terminal's Ctrl-C to it would.
        const socket = socketOf(seen.find((p) => p.args.includes('redis-server'))?.args ?? '');
        if (socket === undefined) throw new Error(`no private redis-server with a socket among the lab's processes: ${JSON.stringify(seen)}`);
        await jobsOnWorkers(socket, 2, 30_000);
      } finally {
        controller.abort(new InterruptedError('SIGINT'));
      }
    })();
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await runLab(['run', '--workload', workload, '--modes', 'distributed', '--workers', '2', '--repeats', '1', '--warmups', '0', '--no-save'], catalogueLines, { stdout, stderr }, controller.signal);
    await interrupt;
    const finished = { code, stderr: stderr.text };
    expect(finished.stderr).toBe('lab: interrupted: the run was stopped and nothing was saved for it\n');
    expect(finished.code).toBe(130);
    const redis = seen.find((p) => p.args.includes('redis-server'));
    expect(redis).toBeDefined();
    expect(seen.filter((p) => p.args.includes('worker-process'))).toHaveLength(2);
    expect(await lingering(seen)).toEqual([]);
    // The private Redis listened on a socket in a temporary directory of its own: removed with it.
    const socket = socketOf(redis!.args);
    expect(socket).toBeDefined();
    expect(existsSync(dirname(socket!))).toBe(false);
  });
});
