import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { lab } from './helpers/lab-in-process.ts';

const tools = join(repoRoot, 'test/fixtures/tools');
const labResults = join(repoRoot, 'test/fixtures/results');
const pair = [join(tools, 'hyperfine-old.json'), join(tools, 'hyperfine-new.json')] as const;

/**
 * github-action-benchmark's input for `tool: customSmallerIsBetter`, as its src/extract.ts reads it:
 * a non-empty array of { name, unit, value, range?, extra? }, and a range it parses as "± N" or "+- N"
 * (src/extractRangeInfo.ts).
 */
function checkActionShape(doc: unknown): void {
  expect(Array.isArray(doc) && doc.length > 0).toBe(true);
  for (const entry of doc as Record<string, unknown>[]) {
    expect(Object.keys(entry).every((k) => ['name', 'unit', 'value', 'range', 'extra'].includes(k))).toBe(true);
    expect(typeof entry.name).toBe('string');
    expect(entry.unit).toBe('ms');
    expect(typeof entry.value === 'number' && Number.isFinite(entry.value)).toBe(true);
    if (entry.range !== undefined) expect(Number((/^(?:\+-|±)\s*(\d.+)$/.exec(entry.range as string) ?? [])[1])).toBeGreaterThanOrEqual(0);
    if (entry.extra !== undefined) expect(typeof entry.extra).toBe('string');
  }
  const names = (doc as { name: string }[]).map((e) => e.name);
  expect(new Set(names).size).toBe(names.length);
}

/** RFC 4180 fields of a CSV text, quotes undone. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('compare --format: outputs a CI reads', () => {
  it('github-action-benchmark: the customSmallerIsBetter array, one entry per row with the median and its range; the verdict on stderr', async () => {
    const { code, stdout, stderr } = await lab('compare', ...pair, '--format', 'github-action-benchmark', '--fail-on-slower', '5');
    expect(code).toBe(1);
    const doc = JSON.parse(stdout) as { name: string; value: number; range: string; extra: string }[];
    checkActionShape(doc);
    const own = (JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(pair[1], 'utf8'))) as { results: { command: string; median: number }[] }).results;
    expect(doc.map((e) => [e.name, e.value])).toEqual(own.map((r) => [`hyperfine ${r.command}`, r.median * 1000]));
    expect(doc[0]!.extra).toMatch(/^hyperfine; 10 samples; OLD [\d.]+ ms; NEW\/OLD [\d.]+ \[[\d.]+-[\d.]+\]; slower, Holm-corrected p=/);
    expect(stderr).toMatch(/^gate FAILED .*\n$/);
    checkActionShape(JSON.parse((await lab('compare', labResults + '/small-2c.json', labResults + '/big-16c.json', '--format', 'github-action-benchmark')).stdout));
  });

  it('csv: a header and one line per row, quoted where a name needs it, numbers unrounded', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-compare-csv-'));
    const results = [{ command: 'parse "fast", then "slow"', median: 0.01, times: [0.01, 0.011, 0.009] }];
    await writeFile(join(dir, 'a.json'), JSON.stringify({ results }));
    const { code, stdout, stderr } = await lab('compare', join(dir, 'a.json'), join(dir, 'a.json'), '--format', 'csv');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const [head, line, end] = parseCsv(stdout);
    expect(head).toEqual(['identity', 'tool', 'row', 'state', 'old_median_ms', 'old_samples', 'new_median_ms', 'new_samples', 'ratio', 'ratio_low', 'ratio_high', 'verdict', 'p', 'raw_p', 'why']);
    expect(line).toEqual(['hyperfine', 'hyperfine', 'parse "fast", then "slow"', 'compared', '10', '3', '10', '3', '1', expect.any(String), expect.any(String), 'too-few', '', '', '']);
    expect(end).toBeUndefined();
    const text = await lab('compare', join(dir, 'a.json'), join(dir, 'a.json'), '--fail-on-slower', '5');
    expect(text.stdout).toContain('! parse "fast", then "slow": too few samples for a test (3 against 3: Mann-Whitney cannot reach p < 0.05)');
    expect(text.stdout).toContain('no row slower, 0 tested, 1 not tested');
    const fixtures = parseCsv((await lab('compare', ...pair, '--format', 'csv')).stdout);
    expect(fixtures.map((r) => r.length)).toEqual([15, 15, 15]);
    expect(Number(fixtures[1]![8])).toBeCloseTo(Number(fixtures[1]![6]) / Number(fixtures[1]![4]), 12);
  });

  it('markdown: a pull-request comment with the verdict first, no line wider than 99 columns, however long a name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-compare-md-'));
    const long = `node ${'very/long/path/'.repeat(12)}bench.js --with | a pipe`;
    await writeFile(join(dir, 'a.json'), JSON.stringify({ results: [{ command: long, median: 0.01, times: [0.01, 0.011, 0.009, 0.01, 0.0105, 0.0095] }] }));
    for (const argv of [[...pair], [join(dir, 'a.json'), join(dir, 'a.json')], [join(labResults, 'small-2c.json'), join(labResults, 'big-16c.json')]]) {
      const { code, stdout, stderr } = await lab('compare', ...argv, '--format', 'markdown', '--fail-on-slower', '5');
      expect(code).toBeLessThan(2);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/^\*\*Regression gate (passed|FAILED)\*\* \(--fail-on-slower 5: /);
      expect(stdout).toContain('| row | OLD ms | NEW ms | NEW/OLD [95% CI] | test |');
      for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(99);
    }
    const { stdout } = await lab('compare', join(dir, 'a.json'), join(dir, 'a.json'), '--format', 'markdown');
    expect(stdout).toContain('\\| a pipe |');
  });

  it('json: --json is its alias, the gate included; the verdict on stderr', async () => {
    const viaFormat = await lab('compare', ...pair, '--format', 'json', '--fail-on-slower', '5');
    const viaAlias = await lab('compare', ...pair, '--json', '--fail-on-slower', '5');
    expect(viaFormat).toEqual(viaAlias);
    expect(viaFormat.code).toBe(1);
    const doc = JSON.parse(viaFormat.stdout) as { old: { tools: string[] }; rows: { row: string; state: string; p: number; ratioLow: number }[]; gate: { failed: boolean; tripped: string[] } };
    expect(doc.old.tools).toEqual(['hyperfine']);
    expect(doc.rows.map((r) => r.row)).toEqual(['parse', 'render']);
    expect(doc.gate).toMatchObject({ failed: true, tripped: ['hyperfine parse'] });
    expect(viaFormat.stderr).toMatch(/^gate FAILED/);
  });

  it('text stays the default, with the verdict on stdout', async () => {
    const { stdout, stderr } = await lab('compare', ...pair, '--fail-on-slower', '5');
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^hyperfine results: OLD vs NEW\n┌/);
    expect(stdout).toMatch(/\ngate FAILED .*\n$/);
    const widest = Math.max(...stdout.split('\n').filter((l) => /^[│┌└├]/.test(l)).map((l) => l.length));
    expect(widest).toBeLessThanOrEqual(100);
  });
});
