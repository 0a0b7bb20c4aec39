import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lab } from './helpers/lab-in-process.ts';
import { lingering, watchStarted } from './helpers/processes.ts';

describe('the processes mode leaves no process behind', () => {
  it('the exit fault on the command line: exit 1, one line naming the task and its process', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-procs-'));
    const file = join(dir, 'exits.json');
    await writeFile(file, JSON.stringify({ name: 'exits', tasks: [{ name: 'ok', parts: [{ kind: 'cpu', units: 20 }] }, { name: 'bad', parts: [{ kind: 'fault', fault: 'exit' }] }] }));
    // Every 20 ms: the process that runs the exit fault lives only a moment.
    const watch = watchStarted(20);
    const { code, stderr } = await lab('run', '--workload', file, '--modes', 'processes', '--repeats', '1', '--warmups', '0', '--out', join(dir, 'results')).finally(() => watch.stop());
    expect(stderr).toMatch(/^lab: processes run of workload "exits" failed: task "bad" ended its process: process \d+ exited with code 3; the pool's other processes live on\n$/);
    expect(code).toBe(1);
    const started = await watch.stop();
    expect(started.filter((p) => p.args.includes('process-child')).length).toBeGreaterThanOrEqual(1);
    expect(await lingering(started)).toEqual([]);
  });
});
