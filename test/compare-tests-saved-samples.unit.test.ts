import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experiments } from '../experiments/catalogue.ts';
import { comparableIn } from '../src/experiment/context.ts';
import { differingSettings } from '../src/report/comparable-settings.ts';
import { compareResults } from '../src/report/compare-results.ts';
import { testText } from '../src/report/compare-table.ts';
import { readResult } from '../src/report/results-store.ts';
import { repoRoot } from './helpers/cli.ts';
import { lab } from './helpers/lab-in-process.ts';

const fixtures = join(repoRoot, 'test/fixtures/results');
/** What each catalogued experiment declares must match. */
const comparableOf = comparableIn(experiments);

/** A results file as JSON, loosely typed so that tests can break it. */
interface Doc {
  schema: string;
  machine: Record<string, unknown>;
  settings: Record<string, unknown>;
  rows: ({ [key: string]: unknown; samples?: { round: number; wallMs: number }[] })[];
}

async function copyOf(file: string, change: (doc: Doc) => void): Promise<string> {
  const doc = JSON.parse(await readFile(join(fixtures, file), 'utf8')) as Doc;
  change(doc);
  const dir = await mkdtemp(join(tmpdir(), 'lab-compare-v2-'));
  const path = join(dir, `changed-${file}`);
  await writeFile(path, JSON.stringify(doc));
  return path;
}

describe('compare on saved samples: Mann-Whitney U, Holm-corrected', () => {
  it('gives every row a p-value, and finds the one real difference in the regenerated fixtures', async () => {
    const results = await Promise.all(['small-2c.json', 'big-16c.json'].map((f) => readResult(join(fixtures, f))));
    const { rows } = compareResults(results, comparableOf);
    for (const r of rows) {
      const test = r.tests[1]!;
      expect(test.method).toBe('mann-whitney');
      if (test.method === 'mann-whitney' && test.verdict.state !== 'too-few') {
        expect(test.verdict.p).toBeGreaterThan(0);
        expect(test.verdict.p).toBeLessThanOrEqual(1);
        expect(test.rawP).toBeLessThanOrEqual(test.verdict.p);
      }
    }
    const verdicts = Object.fromEntries(rows.map((r) => [`${r.workload}/${r.mode}`, r.verdict]));
    // Two threads (big-16c) against one (small-2c) on wait-bound parallel: 8 samples each, completely separated.
    expect(verdicts).toEqual({
      'cpu-bound/sequential': 'agree',
      'cpu-bound/interleaved': 'agree',
      'cpu-bound/parallel': 'agree',
      'wait-bound/sequential': 'agree',
      'wait-bound/interleaved': 'agree',
      'wait-bound/parallel': 'differ',
    });
    const parallel = rows.find((r) => r.workload === 'wait-bound' && r.mode === 'parallel')!.tests[1]!;
    expect(parallel).toMatchObject({ method: 'mann-whitney', verdict: { state: 'faster', n: 8 }, rawP: 2 / 12870 });
  });

  it('says nothing differs between a run and a copy of it, as two machines or as two runs of one', async () => {
    const asMachine = await copyOf('small-2c.json', (d) => {
      d.machine.id = 'copy-2c';
    });
    const twoMachines = compareResults([await readResult(join(fixtures, 'small-2c.json')), await readResult(asMachine)], comparableOf);
    expect(twoMachines.rows.map((r) => r.verdict)).toEqual(new Array(6).fill('agree'));
    for (const r of twoMachines.rows) expect(r.tests[1]).toMatchObject({ method: 'mann-whitney', verdict: { state: 'same', p: 1 }, rawP: 1 });
    const sameFile = await copyOf('small-2c.json', () => {});
    const { code, stdout } = await lab('compare', join(fixtures, 'small-2c.json'), sameFile, '--machines');
    expect(code).toBe(0);
    expect(stdout).toContain('headline: runs of small-2c: run 1 saved');
    expect(stdout).toContain('0 row(s) where the machines differ beyond their measured noise (Mann-Whitney U on the saved samples, Holm-corrected, p < 0.05), 6 with no measurable difference');
    expect(stdout).toContain('~ 1.00x p=1.000');
  });

  it('prints p-values in a table that fits 100 columns', async () => {
    const { code, stdout } = await lab('compare', fixtures);
    expect(code).toBe(0);
    expect(stdout).toMatch(/wait-bound .*\n.* parallel .* 1\.96x slower p<0\.001/);
    expect(stdout).toContain('p Holm-corrected over 6 comparisons');
    const widest = Math.max(...stdout.split('\n').filter((l) => l.startsWith('│') || l.startsWith('┌')).map((l) => l.length));
    expect(widest).toBeLessThanOrEqual(100);
  });

  it('refuses to test runs whose work settings differ, naming them; thread counts and repeats may differ', async () => {
    const quickless = await copyOf('small-2c.json', (d) => {
      d.machine.id = 'other';
      d.settings.quick = false;
      d.settings.seed = 2;
    });
    const comparison = compareResults([await readResult(join(fixtures, 'big-16c.json')), await readResult(quickless)], comparableOf);
    expect(comparison.rows.map((r) => r.verdict)).toEqual(new Array(6).fill('not comparable'));
    expect(comparison.tables[0]!.warnings).toContain('not comparable: other measured different work (settings differ: quick, seed); run both with the same settings.');
    expect(differingSettings(comparableOf('headline'), { threads: 2, repeats: 7, quick: true }, { threads: 16, repeats: 5, quick: true })).toEqual([]);
    expect(differingSettings(comparableOf('user-workload'), { workload: 'a', threads: 2, tasks: 3 }, { workload: 'b', threads: 4, tasks: 3 })).toEqual(['workload']);
    expect(comparableOf('scaling')).toEqual(['quick', 'seed']);
    // distributed's workers default to the threads: a 2-core and a 16-core run still compare, but not two plans of work.
    const distributed = (over: Record<string, string | number | boolean>): Record<string, string | number | boolean> => ({
      quick: true,
      totalUnits: 16_384,
      sizes: '4 16 64 256',
      workers: 2,
      threads: 2,
      seed: 1,
      redis: 'a private redis-server (unix socket in a temporary directory)',
      ...over,
    });
    expect(differingSettings(comparableOf('distributed'), distributed({}), distributed({ workers: 16, threads: 16, seed: 7 }))).toEqual([]);
    expect(differingSettings(comparableOf('distributed'), distributed({}), distributed({ quick: false, sizes: '4 16' }))).toEqual(['quick', 'sizes']);
    // Settings measured in the run (the kernel calibration) never stop event-loop-delay or many-tasks from comparing.
    expect(differingSettings(comparableOf('event-loop-delay'), { quick: true, work: '5 ms (100 units at 0.05 µs)' }, { quick: true, work: '5 ms (90 units at 0.06 µs)' })).toEqual([]);
    expect(differingSettings(comparableOf('many-tasks'), { quick: true, kernelUsPerUnit: 0.05 }, { quick: true, kernelUsPerUnit: 0.06 })).toEqual([]);
  });

  it('warns once when the results come from different lab commits', async () => {
    const other = await copyOf('small-2c.json', (d) => {
      d.machine.id = 'newer';
      d.machine.labCommit = 'abcdef012345';
    });
    const { warnings } = compareResults([await readResult(join(fixtures, 'big-16c.json')), await readResult(other)], comparableOf);
    expect(warnings).toEqual([expect.stringMatching(/^headline: results from different lab commits \(.*, abcdef012345\): differences may come from the lab, not the machines\.$/)]);
  });

  it('marks verdicts compactly', () => {
    expect(testText(undefined, 1)).toBe('-');
    expect(testText({ method: 'not comparable', differing: ['quick'] }, 1)).toBe('not comparable');
    expect(testText({ method: 'interval overlap', state: 'differ' }, 1)).toBe('DIFFER (overlap)');
    expect(testText({ method: 'interval overlap', state: 'agree' }, 1)).toBe('agree (overlap)');
    expect(testText({ method: 'interval overlap', state: 'unknown' }, 1)).toBe('unknown (no CI)');
    expect(testText({ method: 'mann-whitney', verdict: { state: 'too-few', n: 3 } }, 1.2)).toBe('? too few, n=3');
    expect(testText({ method: 'mann-whitney', verdict: { state: 'same', n: 8, p: 0.5 } }, 1.02)).toBe('~ 1.02x p=0.500');
    expect(testText({ method: 'mann-whitney', verdict: { state: 'faster', n: 8, p: 0.01 } }, 0.5)).toBe('2.00x faster p=0.010');
    expect(testText({ method: 'mann-whitney', verdict: { state: 'slower', n: 8, p: 0.0001 } }, 2)).toBe('2.00x slower p<0.001');
  });
});

describe('saved results are validated as strictly as workload files', () => {
  const cases: [string, (d: Doc) => void, string][] = [
    ['threads 0', (d) => (d.rows[0]!.threads = 0), 'rows[0].threads must be a positive integer, got 0'],
    ['efficiency -1', (d) => (d.rows[1]!.efficiency = -1), 'rows[1].efficiency must be a positive number, got -1'],
    ['median 0', (d) => (d.rows[2]!.medianMs = 0), 'rows[2].medianMs must be a positive number, got 0'],
    ['no samples in schema 2', (d) => delete d.rows[3]!.samples, 'rows[3].samples is missing: schema 2 keeps every repeat'],
    ['samples short of repeats', (d) => d.rows[4]!.samples!.pop(), 'rows[4].samples has 7 samples but the row says 8 repeats'],
    ['a sample of 0 ms', (d) => (d.rows[5]!.samples![2]!.wallMs = 0), 'rows[5].samples[2].wallMs must be a positive number, got 0'],
    ['a median above max', (d) => (d.rows[0]!.maxMs = 1), 'rows[0].maxMs must be at least the median'],
    ['a setting that is an object', (d) => (d.settings.quick = { a: 1 }), 'settings.quick must be a string, number or boolean'],
    ['an unknown schema', (d) => (d.schema = 'concurrency-lab.result/9'), 'schema is "concurrency-lab.result/9"; this lab reads concurrency-lab.result/4, concurrency-lab.result/3, concurrency-lab.result/2 and concurrency-lab.result/1'],
  ];
  for (const [name, change, message] of cases) {
    it(`refuses ${name}: one line, exit 2`, async () => {
      const path = await copyOf('small-2c.json', change);
      const { code, stdout, stderr } = await lab('compare', path);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`lab: ${path}: ${message}`);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('reads schema 1 files without samples', async () => {
    const v1 = await readResult(join(repoRoot, 'test/fixtures/results-v1/small-2c.json'));
    expect(v1.schema).toBe('concurrency-lab.result/1');
  });
});
