import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experiments } from '../experiments/catalogue.ts';
import { comparableIn } from '../src/experiment/context.ts';
import { compareResults } from '../src/report/compare-results.ts';
import { readResult } from '../src/report/results-store.ts';
import { repoRoot } from './helpers/cli.ts';
import { lab } from './helpers/lab-in-process.ts';

const fixtures = join(repoRoot, 'test/fixtures/results-v1');

describe('compare: one table across machines', () => {
  it('lines up rows by workload and mode, with the median ratio to the first machine', async () => {
    const results = await Promise.all(['big-16c.json', 'small-2c.json'].map((f) => readResult(join(fixtures, f))));
    const { machines, rows } = compareResults(results, comparableIn(experiments));
    expect(machines.map((m) => m.id)).toEqual(['big-16c', 'small-2c']);
    const parallel = rows.find((r) => r.workload === 'cpu-bound' && r.mode === 'parallel')!;
    expect(parallel.cells.map((c) => c?.machine.logicalCores)).toEqual([16, 2]);
    expect(parallel.medianRatios[1]).toBeCloseTo(520 / 150, 12);
  });

  it('flags rows whose efficiency intervals do not overlap, and only those', async () => {
    const results = await Promise.all(['small-2c.json', 'big-16c.json'].map((f) => readResult(join(fixtures, f))));
    const verdicts = Object.fromEntries(compareResults(results, comparableIn(experiments)).rows.map((r) => [`${r.workload}/${r.mode}`, r.verdict]));
    expect(verdicts).toEqual({
      'cpu-bound/sequential': 'agree',
      'cpu-bound/interleaved': 'agree',
      'cpu-bound/parallel': 'differ', // 96% +- 2% on 2 cores against 25% +- 0.6% on 16
      'wait-bound/sequential': 'agree',
      'wait-bound/interleaved': 'agree',
      'wait-bound/parallel': 'unknown', // only one machine has it
    });
  });

  it('prints the table from a directory of results files', async () => {
    const { code, stdout, stderr } = await lab('compare', fixtures);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('headline: big-16c (Big CPU, 16 cores) vs small-2c (Small CPU, 2 cores)');
    expect(stdout).toMatch(/  parallel .*DIFFER \(overlap\)/);
    expect(stdout).toContain("files without samples (schema 1): rows judged by whether efficiency +- 95% CI overlap");
    expect(stdout).toContain('1 row(s) where the machines differ beyond their measured noise');
  });

  it('emits JSON rows with every machine under --json', async () => {
    const { code, stdout } = await lab('compare', join(fixtures, 'small-2c.json'), join(fixtures, 'big-16c.json'), '--json', '--machines');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { rows: { workload: string; mode: string; machines: ({ id: string } | null)[]; verdict: string }[] };
    const row = doc.rows.find((r) => r.workload === 'wait-bound' && r.mode === 'parallel')!;
    // Files are read in sorted order, so big-16c comes first whatever the argument order.
    expect(row.machines.map((m) => m?.id ?? null)).toEqual([null, 'small-2c']);
  });

  it('names the file and the fault in a bad results file, exit code 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-compare-'));
    await writeFile(join(dir, 'broken.json'), '{"schema": "concurrency-lab.result/1", "experiment": 3}');
    const { code, stderr } = await lab('compare', dir);
    expect(code).toBe(2);
    expect(stderr).toBe(`lab: ${join(dir, 'broken.json')}: experiment must be a string\n`);
  });

  it('asks for paths when given none, and names a missing path', async () => {
    expect((await lab('compare')).stderr).toMatch(/^lab: compare needs results files or directories/);
    const missing = await lab('compare', '/no/such/place');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('lab: /no/such/place: no such file or directory\n');
  });
});
