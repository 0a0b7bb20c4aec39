import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { lab } from './helpers/lab-in-process.ts';

const labFixture = join(repoRoot, 'test/fixtures/results/small-2c.json');

/** A results file of the lab, changed: loosely typed so that tests can set what schema 4 adds. */
type Doc = Record<string, unknown> & { rows: Record<string, unknown>[]; settings: Record<string, unknown>; experiment: string };

async function labFile(dir: string, name: string, change: (doc: Doc) => void): Promise<string> {
  const doc = JSON.parse(readFileSync(labFixture, 'utf8')) as Doc;
  change(doc);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, name), JSON.stringify(doc));
  return join(dir, name);
}

/** hyperfine's export of the given commands, each with its times in ms. */
async function hyperfineFile(dir: string, name: string, commands: Record<string, number[]>): Promise<string> {
  const results = Object.entries(commands).map(([command, ms]) => {
    const times = ms.map((t) => t / 1000);
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted.length % 2 === 1 ? sorted[sorted.length >> 1]! : (sorted[(sorted.length >> 1) - 1]! + sorted[sorted.length >> 1]!) / 2;
    return { command, mean: median, stddev: 0, median, user: 0, system: 0, min: sorted[0], max: sorted.at(-1), times, exit_codes: times.map(() => 0) };
  });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, name), JSON.stringify({ results }));
  return join(dir, name);
}

const steady = (ms: number): number[] => Array.from({ length: 10 }, (_, i) => ms * (1 + (i - 4.5) / 400));

describe('compare OLD NEW: rows that cannot trip the gate, --strict, and the exit codes', () => {
  it('pools the runs of a side, lists rows missing on one side, and fails on them only under --strict', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-compare-sides-'));
    await hyperfineFile(join(dir, 'old'), 'run-1.json', { parse: steady(10), render: steady(20), gone: steady(5) });
    await hyperfineFile(join(dir, 'old'), 'run-2.json', { parse: steady(10), render: steady(20), gone: steady(5) });
    await hyperfineFile(join(dir, 'new'), 'run-1.json', { parse: steady(10), render: steady(20), added: steady(7) });
    const plain = await lab('compare', join(dir, 'old'), join(dir, 'new'), '--fail-on-slower', '5');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/│ parse  │ +10\.0 \(n=20\) │ +10\.0+ \(n=10\) │/);
    expect(plain.stdout).toContain('! gone: only in OLD: no such row in NEW');
    expect(plain.stdout).toContain('! added: only in NEW: no such row in OLD');
    expect(plain.stdout).toContain('gate passed (--fail-on-slower 5: Holm-corrected Mann-Whitney p < 0.05 and the 95% bootstrap interval of NEW/OLD above 1.05): no row slower, 2 tested, 2 not tested (listed with the tables; --strict fails on them).');
    const strict = await lab('compare', join(dir, 'old'), join(dir, 'new'), '--fail-on-slower', '5', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('gate FAILED');
    expect(strict.stdout).toContain('--strict: hyperfine gone (only in OLD: no such row in NEW); hyperfine added (only in NEW: no such row in OLD).');
    // Without the gate, compare only reports.
    expect((await lab('compare', join(dir, 'old'), join(dir, 'new'))).code).toBe(0);
  });

  it('exits 1 on a regression beyond the threshold and 0 on one within it, naming the row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-compare-sides-'));
    const old = await hyperfineFile(dir, 'old.json', { parse: steady(10), render: steady(20) });
    const slower = await hyperfineFile(dir, 'slower.json', { parse: steady(11), render: steady(20) });
    const tripped = await lab('compare', old, slower, '--fail-on-slower', '5');
    expect(tripped.code).toBe(1);
    expect(tripped.stdout).toMatch(/gate FAILED .*: 1 row\(s\) slower: hyperfine parse 1\.10x \[1\.\d\d-1\.\d\d\] p < 0\.001\.\n$/);
    const within = await lab('compare', old, slower, '--fail-on-slower', '15');
    expect(within.code).toBe(0);
    expect(within.stdout).toContain('gate passed (--fail-on-slower 15');
  });

  it('refuses bad input with one line and exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-compare-sides-'));
    const a = await hyperfineFile(dir, 'a.json', { parse: steady(10) });
    await mkdir(join(dir, 'empty'));
    const cases: [string[], string][] = [
      [['compare', a, a, '--strict'], 'lab: --strict applies to the gate: give --fail-on-slower PCT too\n'],
      [['compare', a, a, '--fail-on-slower', 'five'], 'lab: --fail-on-slower must be a percentage from 0 to 1000 (e.g. 5 for 5%); got "five"\n'],
      [['compare', a, a, '--fail-on-slower', '-5'], 'lab: --fail-on-slower must be a percentage from 0 to 1000 (e.g. 5 for 5%); got "-5"\n'],
      [['compare', a, a, '--format', 'xml'], 'lab: --format "xml" is not a format; accepted: text, json, markdown, csv, github-action-benchmark\n'],
      [['compare', a, a, '--format', 'json', '--json'], 'lab: --json and --format both choose the output; give one (--json is --format json)\n'],
      [['compare', a, a, a, '--fail-on-slower', '5'], 'lab: --fail-on-slower compares two sides: give exactly two paths, compare OLD NEW, without --machines (got 3 paths)\n'],
      [['compare', a, a, '--machines', '--format', 'csv'], 'lab: --format csv compares two sides: give exactly two paths, compare OLD NEW, without --machines (got 2 paths and --machines)\n'],
      [['compare', join(dir, 'empty'), a], `lab: OLD ${join(dir, 'empty')}: no results files (.json) there\n`],
      [['compare', a, join(dir, 'missing')], `lab: ${join(dir, 'missing')}: no such file or directory\n`],
    ];
    for (const [argv, message] of cases) {
      const { code, stdout, stderr } = await lab(...argv);
      expect(stderr, argv.join(' ')).toBe(message);
      expect(stdout).toBe('');
      expect(code).toBe(2);
    }
  });
});

describe('compare OLD NEW on the lab results of schema 4 and of try', () => {
  it('shows the CPU other programs used on each side, names a disturbed side, and fails on it under --strict', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-compare-sides-'));
    const old = await labFile(dir, 'old.json', (d) => Object.assign(d, { schema: 'concurrency-lab.result/4', foreignCpuCores: 0.05 }));
    const disturbed = await labFile(dir, 'new.json', (d) => Object.assign(d, { schema: 'concurrency-lab.result/4', foreignCpuCores: 0.8 }));
    const unmeasured = await labFile(dir, 'v3.json', () => {});
    const { code, stdout } = await lab('compare', old, disturbed, '--fail-on-slower', '5');
    expect(code).toBe(0);
    expect(stdout).toContain(`OLD: ${old} (lab, 1 file; other programs used up to 0.05 cores)`);
    expect(stdout).toContain(`NEW: ${disturbed} (lab, 1 file; other programs used up to 0.80 cores: DISTURBED)`);
    expect(stdout).toContain('NEW disturbed by other programs.');
    const strict = await lab('compare', old, disturbed, '--fail-on-slower', '5', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('--strict: NEW disturbed (other programs used 0.80 cores).');
    const slowerAndDisturbed = await labFile(dir, 'slower.json', (d) => {
      Object.assign(d, { schema: 'concurrency-lab.result/4', foreignCpuCores: 0.8 });
      const row = d.rows[0] as { medianMs: number; minMs?: number; maxMs?: number; medianLowMs?: number; medianHighMs?: number; samples: { wallMs: number }[] };
      for (const sample of row.samples) sample.wallMs *= 2;
      for (const key of ['medianMs', 'minMs', 'maxMs', 'medianLowMs', 'medianHighMs'] as const) if (row[key] !== undefined) row[key] *= 2;
    });
    const both = await lab('compare', old, slowerAndDisturbed, '--fail-on-slower', '5');
    expect(both.code).toBe(1);
    expect(both.stdout).toMatch(/gate FAILED .*: 1 row\(s\) slower: headline cpu-bound sequential 2\.00x .*; also NEW disturbed by other programs\.\n$/);
    expect((await lab('compare', unmeasured, old)).stdout).toContain(`OLD: ${unmeasured} (lab, 1 file; CPU of other programs not measured)`);
  });

  it("compares try's pool rows by threads and batch, every one of them", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-compare-sides-'));
    const rows = [1, 2].flatMap((threads) => [1, 16].map((batch) => ({ workload: 'hash.ts', mode: 'pool', threads, batch })));
    const tryFile = (name: string, slowBatch16: number): Promise<string> =>
      labFile(dir, name, (d) => {
        d.experiment = 'try-hash-ts';
        d.settings = { module: 'hash.ts', kind: 'function', inputs: 8, maxThreads: 2, batches: '1,16' };
        d.rows = rows.map((r) => {
          const samples = steady(r.batch === 16 ? 10 * slowBatch16 : 10).map((wallMs, i) => ({ round: i + 1, wallMs }));
          return { ...r, repeats: 10, medianMs: samples.map((s) => s.wallMs).sort((a, b) => a - b)[5]!, speedup: 1, efficiency: 1 / r.threads, samples };
        });
      });
    const { code, stdout } = await lab('compare', await tryFile('old.json', 1), await tryFile('new.json', 1.2), '--fail-on-slower', '5');
    expect(code).toBe(1);
    for (const label of ['pool batch=1 threads=1', 'pool batch=16 threads=1', 'pool batch=1 threads=2', 'pool batch=16 threads=2']) expect(stdout).toContain(`│ hash.ts ${label} `);
    expect(stdout).toMatch(/2 row\(s\) slower: try-hash-ts hash\.ts pool batch=16 threads=1 .*; try-hash-ts hash\.ts pool batch=16 threads=2 /);
    // A side run with one thread only has no rows to tell apart by threads: they still key its rows.
    const oneThread = await labFile(dir, 'one-thread.json', (d) => {
      d.experiment = 'try-hash-ts';
      d.settings = { module: 'hash.ts', kind: 'function', inputs: 8, maxThreads: 2, batches: '1,16' };
      d.rows = rows.filter((r) => r.threads === 1).map((r) => ({ ...r, repeats: 10, medianMs: 10, speedup: 1, efficiency: 1, samples: steady(10).map((wallMs, i) => ({ round: i + 1, wallMs })) }));
    });
    const against = await lab('compare', await tryFile('old.json', 1), oneThread);
    expect(against.stdout).toContain('! hash.ts pool batch=1 threads=2: only in OLD');
    expect(against.stdout).toMatch(/│ hash\.ts pool batch=1 threads=1 +│ +10\.0 \(n=10\) │ +10\.0+ \(n=10\) │/);
  });

  it('compares the two versions of a module and says so; refuses two different modules, exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-compare-sides-'));
    const asTry = (name: string, hash: string, experiment = 'try-hash-ts'): Promise<string> => labFile(dir, name, (d) => Object.assign(d, { experiment, moduleHash: hash }));
    const changed = await lab('compare', await asTry('a.json', 'aaaa1111'), await asTry('b.json', 'bbbb2222'));
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain('try-hash-ts: module changed (OLD aaaa1111, NEW bbbb2222): the rows compare two versions of the module.');
    expect(changed.stdout).toContain('cpu-bound sequential');
    const other = await lab('compare', await asTry('c.json', 'aaaa1111'), await asTry('d.json', 'cccc3333', 'try-parse-ts'));
    expect(other.code).toBe(2);
    expect(other.stderr).toBe('lab: OLD holds try-hash-ts and NEW holds try-parse-ts: nothing to compare; give both sides results of the same experiment, module or tool\n');
  });
});
