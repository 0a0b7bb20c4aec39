import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lab } from './helpers/lab-in-process.ts';

/**
 * One thread, a task that throws, then hundreds of tiny tasks: Piscina hands the worker its next
 * task before it reports the failure, so that task's reply often arrives in the same batch, after
 * the run was aborted and the worker destroyed. Without a listener for Piscina's 'error' event
 * that late reply crashed the lab with "Unexpected message from Worker" (12 of 50 runs before the fix).
 * Run in-process, such a crash is an uncaught exception in the test runner's process: Vitest fails the run on it.
 */
const lateReplyWorkload = {
  name: 'late-reply',
  tasks: [
    { name: 'thrower', parts: [{ kind: 'fault', fault: 'throw', message: 'boom' }] },
    ...Array.from({ length: 300 }, (_, i) => ({ name: `t${i}`, parts: [{ kind: 'cpu', units: 1 }] })),
  ],
};

describe('a task that throws in parallel mode fails the run cleanly, every time', () => {
  it('gives one line and exit 1 in 12 runs out of 12, never a Piscina crash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-late-'));
    const file = join(dir, 'late.json');
    await writeFile(file, JSON.stringify(lateReplyWorkload));
    const argv = ['run', '--workload', file, '--modes', 'parallel', '--threads', '1', '--repeats', '2', '--warmups', '1', '--out', join(dir, 'results')];
    for (let batch = 0; batch < 4; batch++) {
      const runs = await Promise.all([lab(...argv), lab(...argv), lab(...argv)]);
      for (const run of runs) {
        expect(run.stderr).toBe('lab: parallel run of workload "late-reply" failed: task "thrower" failed in part "thrower.1": boom\n');
        expect(run.code).toBe(1);
      }
    }
    expect(await readdir(dir)).toEqual(['late.json']);
  }, 120_000);
});
