import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { median } from '../src/measure/stats.ts';
import { compareSides } from '../src/report/compare-sides.ts';
import { readBenchFile } from '../src/report/read-bench-file.ts';
import { repoRoot } from './helpers/cli.ts';
import { lab } from './helpers/lab-in-process.ts';

const tools = join(repoRoot, 'test/fixtures/tools');
const fixture = (name: string): string => join(tools, name);
const json = (name: string): unknown => JSON.parse(readFileSync(fixture(name), 'utf8'));

/** Each tool's own median of each row, in ms, read straight from its JSON. */
const ownMedians = {
  hyperfine: (doc: unknown) => (doc as { results: { command: string; median: number }[] }).results.map((r) => [r.command, r.median * 1000]),
  tinybench: (doc: unknown) => (doc as { name: string; result: { latency: { p50: number } } }[]).map((t) => [t.name, t.result.latency.p50]),
  mitata: (doc: unknown) => (doc as { benchmarks: { runs: { name: string; stats: { p50: number } }[] }[] }).benchmarks.flatMap((b) => b.runs.map((r) => [r.name, r.stats.p50 / 1e6])),
} as const;

describe('compare reads hyperfine, tinybench and mitata results as they write them', () => {
  for (const tool of ['hyperfine', 'tinybench', 'mitata'] as const) {
    it(`${tool}: tells the tool by the file's shape, and reads the median the tool's JSON holds`, async () => {
      for (const side of ['old', 'new']) {
        const file = await readBenchFile(fixture(`${tool}-${side}.json`));
        expect(file.tool).toBe(tool);
        expect(file.identity).toBe(tool);
        const read = file.rows.map((r) => [r.fields.find(([name]) => name === 'name')![1], r.medianMs]);
        expect(read).toEqual(ownMedians[tool](json(`${tool}-${side}.json`)));
        for (const row of file.rows) expect(row.samplesMs!.length).toBeGreaterThan(5);
      }
    });

    it(`${tool}: finds the regression the new run was given, in parse only, and says which tool wrote the files`, async () => {
      const { code, stdout, stderr } = await lab('compare', fixture(`${tool}-old.json`), fixture(`${tool}-new.json`), '--fail-on-slower', '5');
      expect(stderr).toBe('');
      expect(code).toBe(1);
      expect(stdout).toContain(`${tool} results: OLD vs NEW`);
      expect(stdout).toContain(`OLD: ${fixture(`${tool}-old.json`)} (${tool}, 1 file)`);
      expect(stdout).toMatch(/gate FAILED .*: 1 row\(s\) slower: \S+ parse \d/);
      expect(stdout).not.toMatch(/slower: .*render/);
    });
  }

  it("hyperfine and tinybench state the median of their samples: the lab's median of them is the tool's", async () => {
    for (const name of ['hyperfine-old.json', 'tinybench-old.json']) {
      for (const row of (await readBenchFile(fixture(name))).rows) expect(median(row.samplesMs!)).toBeCloseTo(row.medianMs, 9);
    }
  });

  it("mitata's p50 is its lower middle sample: the lab keeps the tool's figure", async () => {
    const doc = json('mitata-old.json') as { benchmarks: { runs: { stats: { samples: number[]; p50: number } }[] }[] };
    for (const { stats } of doc.benchmarks.flatMap((b) => b.runs)) expect(stats.p50).toBe(stats.samples[Math.floor(0.5 * (stats.samples.length - 1))]);
  });

  it('mitata written without samples compares by point estimate only, and says no test was possible', async () => {
    const file = await readBenchFile(fixture('mitata-no-samples.json'));
    expect(file.rows.every((r) => r.samplesMs === undefined)).toBe(true);
    const comparison = compareSides([file], [await readBenchFile(fixture('mitata-new.json'))], { old: ['a'], new: ['b'] }, () => undefined);
    expect(comparison.rows.map((r) => r.state)).toEqual(['no samples', 'no samples']);
    expect(comparison.rows[0]!.why).toBe('OLD kept no samples: point estimates only, no test was possible');
    expect(comparison.rows[0]!.ratio).toBeCloseTo(comparison.rows[0]!.new!.medianMs / comparison.rows[0]!.old!.medianMs, 12);
    const { code, stdout } = await lab('compare', fixture('mitata-no-samples.json'), fixture('mitata-new.json'), '--fail-on-slower', '5');
    expect(code).toBe(0);
    expect(stdout).toContain('! parse: no samples: OLD kept no samples: point estimates only, no test was possible');
    expect((await lab('compare', fixture('mitata-no-samples.json'), fixture('mitata-new.json'), '--fail-on-slower', '5', '--strict')).code).toBe(1);
  });

  it('tinybench without retainSamples compares by point estimate only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-compare-tools-'));
    const tasks = json('tinybench-old.json') as { result: { latency: { samples?: number[] } } }[];
    for (const task of tasks) delete task.result.latency.samples;
    await writeFile(join(dir, 'no-samples.json'), JSON.stringify(tasks));
    const comparison = compareSides([await readBenchFile(fixture('tinybench-old.json'))], [await readBenchFile(join(dir, 'no-samples.json'))], { old: ['a'], new: ['b'] }, () => undefined);
    expect(comparison.rows.map((r) => [r.state, r.why])).toEqual([
      ['no samples', 'NEW kept no samples: point estimates only, no test was possible'],
      ['no samples', 'NEW kept no samples: point estimates only, no test was possible'],
    ]);
  });

  it('refuses, exit 2 and one line, a file of no known tool, a broken one, and two tools against each other', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-compare-tools-'));
    const write = async (name: string, value: unknown): Promise<string> => {
      await writeFile(join(dir, name), JSON.stringify(value));
      return join(dir, name);
    };
    const unknown = await write('unknown.json', { hello: 1 });
    const broken = await write('broken.json', { results: [{ command: 'parse', median: -1, times: [0.1] }] });
    const failed = await write('failed.json', [{ name: 'parse', result: { state: 'errored', error: {} } }]);
    const cases: [string[], string][] = [
      [[unknown, fixture('hyperfine-new.json')], `lab: ${unknown}: not a results file of the lab, hyperfine (--export-json), tinybench 6 (JSON of the tasks' name and result) or mitata 1 (format json)\n`],
      [[broken, fixture('hyperfine-new.json')], `lab: ${broken}: results[0].median must be a positive number, got -1 (read as hyperfine --export-json results)\n`],
      [[failed, fixture('tinybench-new.json')], `lab: ${failed}: [0].result.state is "errored"; only completed tasks compare (read as tinybench tasks results)\n`],
      [[fixture('hyperfine-old.json'), fixture('tinybench-new.json')], 'lab: OLD holds hyperfine and NEW holds tinybench: nothing to compare; give both sides results of the same experiment, module or tool\n'],
    ];
    for (const [paths, message] of cases) {
      const { code, stdout, stderr } = await lab('compare', ...paths, '--fail-on-slower', '5');
      expect(stderr).toBe(message);
      expect(stdout).toBe('');
      expect(code).toBe(2);
    }
    const asMachines = await lab('compare', fixture('mitata-old.json'));
    expect(asMachines).toEqual({ code: 2, stdout: '', stderr: `lab: ${fixture('mitata-old.json')}: mitata results compare as one of two sides (compare OLD NEW); the table across machines reads the lab's results only\n` });
  });
});
