import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResult } from '../src/report/results-store.ts';
import { repoRoot } from './helpers/cli.ts';
import { lab } from './helpers/lab-in-process.ts';

describe('saving results', () => {
  it('--out DIR saves the run as DIR/<experiment>/<machine>-<time>-<random>.json and .md, and says where', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-out-'));
    const { code, stdout } = await lab('scheduler-overhead', '--quick', '--repeats', '1', '--out', dir);
    expect(code).toBe(0);
    const files = (await readdir(join(dir, 'scheduler-overhead'))).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^[a-z0-9-]+-\d+c-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[0-9a-f]{6}\.json$/);
    expect(files[1]).toBe(files[0]!.replace(/\.json$/, '.md'));
    const saved = await readResult(join(dir, 'scheduler-overhead', files[0]!));
    expect(saved.argv).toEqual(['scheduler-overhead', '--quick', '--repeats', '1', '--out', dir]);
    expect(saved.facts).toHaveProperty('ratioToAwait');
    expect(stdout).toContain(`saved: ${join(dir, 'scheduler-overhead', files[0]!)} (with .md)`);
  });

  it('--trace FILE writes the runs as Trace Event JSON, one process per drawn run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-trace-'));
    const file = join(dir, 'runs.json');
    const example = join(repoRoot, 'experiments/example-workload.json');
    const { code, stdout } = await lab('run', '--workload', example, '--modes', 'sequential,interleaved', '--repeats', '1', '--warmups', '0', '--no-save', '--trace', file);
    expect(code).toBe(0);
    expect(stdout).toContain(`trace: ${file} (open it in https://ui.perfetto.dev or chrome://tracing)`);
    const trace = JSON.parse(await readFile(file, 'utf8')) as { traceEvents: { ph: string; name: string; args?: { name?: string } }[] };
    const processes = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => e.args?.name);
    expect(processes).toEqual(['workload-thumbnails: thumbnails / sequential', 'workload-thumbnails: thumbnails / interleaved']);
    expect(trace.traceEvents.filter((e) => e.ph === 'X').length).toBeGreaterThan(0);
  });

  it('--no-save writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-nosave-'));
    const { code, stdout } = await lab('scheduler-overhead', '--quick', '--repeats', '1', '--out', dir, '--no-save');
    expect(code).toBe(0);
    expect(stdout).not.toContain('saved:');
    expect(await readdir(dir)).toEqual([]);
  });
});
