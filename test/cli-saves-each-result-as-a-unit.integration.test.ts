import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { machineInfo } from '../src/measure/machine.ts';
import type { ExperimentResult } from '../src/report/experiment-result.ts';
import { saveResult } from '../src/report/results-store.ts';
import { completeResults, quickRun } from './helpers/cli-inproc-saved-results.ts';
import { filesUnder, mountTmpfs } from './helpers/files.ts';
import { needsRoot } from './helpers/services.ts';

const fullDisk = needsRoot('to mount a 64 KB tmpfs');
import { lab } from './helpers/lab-in-process.ts';

// In-process. A signal to the lab's process while it saves needs a process of its own:
// cli-saves-each-result-as-a-unit.e2e.test.ts.
const unmount: (() => void)[] = [];
afterAll(() => unmount.forEach((u) => u()));

describe('two runs saving to the same --out at the same time', () => {
  it('two results saved at the same instant get different names (in-process, the clock pinned)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'lab-same-instant-'));
    const result: ExperimentResult = { experiment: 'demo', question: 'q?', machine: machineInfo(), settings: {}, tables: [], rows: [], facts: {}, notes: [] };
    const now = new Date('2026-12-01T06:00:00.000Z');
    const [a, b] = await Promise.all([saveResult(result, out, [], now), saveResult(result, out, [], now)]);
    expect(a.json).not.toBe(b.json);
    expect(completeResults(await filesUnder(out))).toHaveLength(2);
  });

  it('both results survive, under different names', async () => {
    const out = await mkdtemp(join(tmpdir(), 'lab-twice-'));
    const [a, b] = await Promise.all([lab(...quickRun, '--out', out), lab(...quickRun, '--out', out)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const savedA = /saved: (\S+)/.exec(a.stdout)?.[1];
    const savedB = /saved: (\S+)/.exec(b.stdout)?.[1];
    expect(savedA).toBeDefined();
    expect(savedA).not.toBe(savedB);
    const files = await filesUnder(out);
    expect(completeResults(files)).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe.skipIf(fullDisk.skip)(fullDisk.title('a full disk while saving (needs root to mount a 64 KB tmpfs)'), () => {
  it('prints the tables first, names the path and the cause, exits 1 and leaves no part of the result', async () => {
    const disk = await mkdtemp(join(tmpdir(), 'lab-full-'));
    unmount.push(mountTmpfs(disk, '64k'));
    const out = join(disk, 'results');
    const { code, stdout, stderr } = await lab(...quickRun, '--out', out);
    expect(stdout).toContain('thumbnails: each photo');
    expect(stdout).not.toContain('saved:');
    expect(stderr).toMatch(new RegExp(`^lab: cannot write ${out}/workload-thumbnails/[^ ]+: no space left on the device\\n$`));
    expect(code).toBe(1);
    expect(await filesUnder(disk)).toEqual([]);
  });
});
