import type { ChildProcess } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { machineInfo } from '../src/measure/machine.ts';
import type { ExperimentResult } from '../src/report/experiment-result.ts';
import { saveResult } from '../src/report/results-store.ts';
import { repoRoot, runCommand, runLabCli, type Finished } from './helpers/cli.ts';
import { filesUnder, isRoot, mountTmpfs } from './helpers/files.ts';

const example = join(repoRoot, 'experiments/example-workload.json');
/** A quick run that saves a .md, several SVG pictures and the .json. */
const quickRun = ['run', '--workload', example, '--modes', 'sequential,interleaved', '--repeats', '1', '--warmups', '0'];
const unmount: (() => void)[] = [];
afterAll(() => unmount.forEach((u) => u()));

/** The saved results under `out`, grouped: every .json must have its .md and its pictures. */
function completeResults(files: readonly string[]): string[] {
  const jsons = files.filter((f) => f.endsWith('.json'));
  for (const f of files) expect(jsons.some((j) => f.startsWith(j.replace(/\.json$/, '.')))).toBe(true);
  return jsons;
}

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
    const [a, b] = await Promise.all([runLabCli([...quickRun, '--out', out]), runLabCli([...quickRun, '--out', out])]);
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

describe.skipIf(!isRoot)('a full disk while saving (needs root to mount a 64 KB tmpfs)', () => {
  it('prints the tables first, names the path and the cause, exits 1 and leaves no part of the result', async () => {
    const disk = await mkdtemp(join(tmpdir(), 'lab-full-'));
    unmount.push(mountTmpfs(disk, '64k'));
    const out = join(disk, 'results');
    const { code, stdout, stderr } = await runLabCli([...quickRun, '--out', out]);
    expect(stdout).toContain('thumbnails: each photo');
    expect(stdout).not.toContain('saved:');
    expect(stderr).toMatch(new RegExp(`^lab: cannot write ${out}/workload-thumbnails/[^ ]+: no space left on the device\\n$`));
    expect(code).toBe(1);
    expect(await filesUnder(disk)).toEqual([]);
  });
});

/** The lab as `npm run lab` starts it: the tsx command, which relays signals to its Node child with a short grace period. */
function runViaTsx(args: readonly string[], onStart: (child: ChildProcess) => void): Promise<Finished> {
  return runCommand(join(repoRoot, 'node_modules/.bin/tsx'), ['experiments/lab.ts', ...args], {}, onStart);
}

describe('SIGTERM, like Ctrl-C', () => {
  it('during measuring: exit 143, one line, nothing saved', async () => {
    const out = await mkdtemp(join(tmpdir(), 'lab-term-'));
    const { code, stdout, stderr } = await runLabCli(['headline', '--out', out], (child) => setTimeout(() => child.kill('SIGTERM'), 5_000)); // mid-run: past start-up even under load, well inside the run
    expect(stderr).toBe('lab: terminated (SIGTERM): the run was stopped and nothing was saved for it\n');
    expect(code).toBe(143);
    expect(stdout).toBe('');
    expect(await filesUnder(out)).toEqual([]);
  });

  const launchers = { node: runLabCli, 'the tsx parent (npm run lab)': runViaTsx };
  for (const [launcher, run] of Object.entries(launchers)) for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to ${launcher} as the first file of a result appears: the result is whole or absent, never half`, async () => {
      const out = await mkdtemp(join(tmpdir(), 'lab-term-save-'));
      await mkdir(join(out, 'workload-thumbnails'));
      const { code, stderr } = await run([...quickRun, '--out', out], (child) => {
        const watcher = watch(join(out, 'workload-thumbnails'), () => {
          watcher.close();
          child.kill(signal);
          setTimeout(() => child.kill(signal), 2); // a second signal must not cut the save short either
        });
      });
      const files = await filesUnder(out);
      if (code === 0) {
        expect(completeResults(files)).toHaveLength(1);
      } else {
        expect(stderr).toMatch(/^lab: (interrupted|terminated \(SIGTERM\)): the run was stopped and nothing was saved for it\n$/);
        expect(code).toBe(signal === 'SIGTERM' ? 143 : 130);
        expect(files).toEqual([]);
      }
    });
  }
});
