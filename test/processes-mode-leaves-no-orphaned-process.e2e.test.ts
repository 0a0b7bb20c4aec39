import type { ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLabCli } from './helpers/cli.ts';
import { descendants, exists, until } from './helpers/processes.ts';

let workload: string;
let out: string;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lab-procs-'));
  out = join(dir, 'results');
  workload = join(dir, 'long.json');
  const task = (name: string): object => ({ name, parts: [{ kind: 'cpu', units: 10 }, { kind: 'wait', ms: 60_000 }] });
  await writeFile(workload, JSON.stringify({ name: 'long', tasks: [task('a'), task('b'), task('c')] }));
});

/**
 * Runs the lab on the long workload in the processes mode, does `stop` to it as soon as both processes of
 * its pool exist (they are forked inside the run, after the lab installed its Ctrl-C handler), and
 * returns the exit code and every process the lab had started by then.
 */
async function stopMidRun(stop: (lab: ChildProcess) => void): Promise<{ code: number | null; stderr: string; forked: number[] }> {
  let forked: number[] = [];
  const finished = await runLabCli(['run', '--workload', workload, '--modes', 'processes', '--processes', '2', '--repeats', '1', '--warmups', '0', '--out', out], (lab) => {
    void until(() => {
      const now = descendants(lab.pid!);
      return now.filter((p) => p.args.includes('process-child')).length >= 2 ? now.map((p) => p.pid) : undefined;
    }, 30_000).then((pids) => {
      forked = pids ?? [];
      stop(lab);
    });
  });
  return { ...finished, forked };
}

describe('the processes mode leaves no process behind', () => {
  it('Ctrl-C (SIGINT to the lab alone): exit 130, and every forked process is gone', async () => {
    const { code, stderr, forked } = await stopMidRun((lab) => lab.kill('SIGINT'));
    expect(stderr).toBe('lab: interrupted: the run was stopped and nothing was saved for it\n');
    expect(code).toBe(130);
    expect(forked.length).toBeGreaterThanOrEqual(2);
    expect(await until(() => (forked.some(exists) ? undefined : true), 5_000)).toBe(true);
  });

  it('even a lab killed outright (SIGKILL, no clean-up at all): its processes notice the closed channel and leave', async () => {
    const { code, forked } = await stopMidRun((lab) => lab.kill('SIGKILL'));
    expect(code).toBe(137); // killed by SIGKILL: a shell sees 128 + 9
    expect(forked.length).toBeGreaterThanOrEqual(2);
    expect(await until(() => (forked.some(exists) ? undefined : true), 5_000)).toBe(true);
  });
});
