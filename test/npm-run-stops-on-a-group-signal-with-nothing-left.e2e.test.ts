import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from './helpers/cli.ts';
import { tempDirForTests } from './helpers/files.ts';
import { until } from './helpers/processes.ts';
import { needsService } from './helpers/services.ts';

const redisServer = needsService('redis-server');
const temp = tempDirForTests('lab-group-signal-');

/** Every running process whose command line or environment holds `marker`, as "pid command line" (from /proc). */
function processesMarkedWith(marker: string): string[] {
  const read = (pid: string, what: string): string => {
    try {
      return readFileSync(`/proc/${pid}/${what}`, 'utf8').replaceAll('\0', ' ');
    } catch {
      return ''; // gone meanwhile
    }
  };
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid) && Number(pid) !== process.pid)
    .flatMap((pid) => {
      const args = read(pid, 'cmdline');
      return args.includes(marker) || read(pid, 'environ').includes(marker) ? [`${pid} ${args}`] : [];
    });
}

// A terminal's Ctrl-C or SIGTERM goes to the whole foreground group: npm, and the lab that npm's
// script runs (no shell left between them: `exec`), and the lab's redis-server and workers too;
// npm passes the signal on to the lab a few ms later. Before: the lab left at once with no line, or
// left /tmp/lab-redis-* behind, or ran on orphaned after npm had returned.
describe.skipIf(redisServer.skip)(redisServer.title('SIGTERM to the process group of `npm run lab` mid distributed run'), () => {
  it('the lab says why and exits by itself, leaving no process and no temporary directory', async () => {
    const tmp = join(temp.dir, 'tmp');
    await mkdir(tmp);
    const workload = join(temp.dir, 'long.json');
    const task = (name: string): object => ({ name, parts: [{ kind: 'cpu', units: 10 }, { kind: 'wait', ms: 60_000 }] });
    await writeFile(workload, JSON.stringify({ name: 'long', tasks: [task('a'), task('b'), task('c')] }));
    let signalled = false;
    let leftWhenNpmReturned: string[] = [];
    const { code, stderr } = await runCommand(
      'npm',
      ['run', '-s', 'lab', '--', 'run', '--workload', workload, '--modes', 'distributed', '--workers', '2', '--repeats', '1', '--warmups', '0', '--no-save'],
      { TMPDIR: tmp },
      (npm) => {
        // Once both worker processes serve the run's queue (their socket lies in the lab's TMPDIR), as a terminal signals its foreground group.
        void until(() => (processesMarkedWith(tmp).filter((p) => p.includes('worker-process')).length >= 2 ? true : undefined), 30_000).then(() => {
          signalled = true;
          process.kill(-npm.pid!, 'SIGTERM');
        });
        // npm returns only after the lab, which leaves only after what it started: nothing may run on, orphaned.
        npm.once('exit', () => (leftWhenNpmReturned = processesMarkedWith(tmp)));
      },
      { detached: true },
    );
    expect(signalled).toBe(true);
    expect(stderr).toBe('lab: terminated (SIGTERM): the run was stopped and nothing was saved for it\n');
    expect(code).toBe(143);
    expect(leftWhenNpmReturned).toEqual([]);
    // npm itself, on Node 22 and later, keeps its compile cache in TMPDIR (node-compile-cache): npm's, kept by design, not the lab's.
    expect((await readdir(tmp)).filter((entry) => entry !== 'node-compile-cache')).toEqual([]);
  });
});
