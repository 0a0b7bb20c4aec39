import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experiments } from '../experiments/catalogue.ts';
import { runLab } from '../src/cli/main.ts';
import { readResult } from '../src/report/results-store.ts';
import { Capture } from './helpers/streams.ts';

async function lab(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runLab(argv, experiments, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('saving results', () => {
  it('--out DIR saves the run as DIR/<experiment>/<machine>-<time>.json and .md, and says where', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-out-'));
    const { code, stdout } = await lab('scheduler-overhead', '--quick', '--repeats', '1', '--out', dir);
    expect(code).toBe(0);
    const files = (await readdir(join(dir, 'scheduler-overhead'))).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^[a-z0-9-]+-\d+c-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/);
    expect(files[1]).toBe(files[0]!.replace(/\.json$/, '.md'));
    const saved = await readResult(join(dir, 'scheduler-overhead', files[0]!));
    expect(saved.argv).toEqual(['scheduler-overhead', '--quick', '--repeats', '1', '--out', dir]);
    expect(saved.facts).toHaveProperty('ratioToAwait');
    expect(stdout).toContain(`saved: ${join(dir, 'scheduler-overhead', files[0]!)} (with .md)`);
  });

  it('--no-save writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-nosave-'));
    const { code, stdout } = await lab('scheduler-overhead', '--quick', '--repeats', '1', '--out', dir, '--no-save');
    expect(code).toBe(0);
    expect(stdout).not.toContain('saved:');
    expect(await readdir(dir)).toEqual([]);
  });
});
