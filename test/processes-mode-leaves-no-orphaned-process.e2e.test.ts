import type { ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLabCli } from './helpers/cli.ts';
import { descendants, exists, until } from './helpers/processes.ts';

/** The ids of every process descended from `root`. */
const descendantPids = (root: number): number[] => descendants(root).map((p) => p.pid);

let workload: string;
let out: string;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lab-procs-'));
  out = join(dir, 'results');
  workload = join(dir, 'long.json');
  const task = (name: string): object => ({ name, parts: [{ kind: 'cpu', units: 10 }, { kind: 'wait', ms: 60_000 }] });
  await writeFile(workload, JSON.stringify({ name: 'long', tasks: [task('a'), task('b'), task('c')] }));
});

/** Runs the lab on the long workload in the processes mode, does `stop` to it once its 2 processes are up, and returns the exit code and the processes it had forked. */
async function stopMidRun(stop: (lab: ChildProcess) => void): Promise<{ code: number | null; stderr: string; forked: number[] }> {
  let forked: number[] = [];
  const finished = await runLabCli(['run', '--workload', workload, '--modes', 'processes', '--processes', '2', '--repeats', '1', '--warmups', '0', '--out', out], (lab) => {
    void until(() => {
      const now = descendantPids(lab.pid!);
      return now.length >= 2 ? now : undefined;
    }, 30_000).then((pids) => {
      forked = pids ?? [];
      // Give the run a moment to hand its tasks out, then stop the lab.
      setTimeout(() => stop(lab), 500);
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
    expect(code).toBeNull();
    expect(forked.length).toBeGreaterThanOrEqual(2);
    expect(await until(() => (forked.some(exists) ? undefined : true), 5_000)).toBe(true);
  });

  it('the exit fault on the command line: exit 1, one line naming the task and its process', async () => {
    const file = join(out, '..', 'exits.json');
    await writeFile(file, JSON.stringify({ name: 'exits', tasks: [{ name: 'ok', parts: [{ kind: 'cpu', units: 20 }] }, { name: 'bad', parts: [{ kind: 'fault', fault: 'exit' }] }] }));
    let forked: number[] = [];
    const { code, stderr } = await runLabCli(['run', '--workload', file, '--modes', 'processes', '--repeats', '1', '--warmups', '0', '--out', out], (lab) => {
      const watch = setInterval(() => (forked = [...new Set([...forked, ...descendantPids(lab.pid!)])]), 20);
      lab.once('exit', () => clearInterval(watch));
    });
    expect(stderr).toMatch(/^lab: processes run of workload "exits" failed: task "bad" ended its process: process \d+ exited with code 3; the pool's other processes live on\n$/);
    expect(code).toBe(1);
    expect(await until(() => (forked.some(exists) ? undefined : true), 5_000)).toBe(true);
  });
});
