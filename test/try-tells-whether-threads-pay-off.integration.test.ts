import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.ts';
import { lab } from './helpers/lab-in-process.ts';

interface TryJson {
  bestMode: string;
  bestThreads: number;
  bestBatch: number;
  breakEvenUs: number | null;
  aaRatio: number | null;
  warmupRounds: number;
  workerSlowdown: number;
  postMessageFloorUs: number | null;
  postMessageFloorLowUs: number | null;
  postMessageFloorHighUs: number | null;
  bestPoolOverFloor: number | null;
  rows: { mode: string; threads: number; batch: number; dedicated?: true; medianMs: number; speedup: number; cpuMs: number; checksumOk: boolean }[];
  notes: string[];
}

/** An example of examples/try/, by absolute path: an in-process run resolves paths against the test runner's directory. */
const example = (name: string): string => join(repoRoot, 'examples/try', name);

const quick = ['--quick', '--no-save', '--json', '--batches', '1,8'];

async function tryJson(file: string, ...more: string[]): Promise<TryJson> {
  const { code, stdout, stderr } = await lab('try', file, ...quick, ...more);
  expect(stderr, stderr).not.toContain('lab:');
  expect(code).toBe(0);
  return JSON.parse(stdout) as TryJson;
}

describe('try FILE on the examples', () => {
  it('measures every setting of a CPU-heavy function, with results equal by value in every mode', async () => {
    const result = await tryJson(example('pbkdf2.mjs'), '--max-threads', '2');
    expect(result.rows.map((r) => `${r.mode} ${r.threads} ${r.batch}${r.dedicated === true ? ' own' : ''}`)).toEqual(['baseline 1 1', 'pool 1 1', 'pool 1 8', 'pool 2 1', 'pool 2 8', 'pool 1 1 own']);
    // The A/A twin, a pool of its own of 1 thread, beside the shared pool of 2 held to 1 task in flight.
    expect(result.aaRatio).toBeGreaterThan(0);
    expect(result.notes.join('\n')).toMatch(/A\/A: every thread count runs on one pool of 2 threads/);
    expect(result.warmupRounds).toBeGreaterThanOrEqual(1);
    expect(result.workerSlowdown).toBeGreaterThan(0);
    // The postMessage floor, measured in the same run, with its interval, and the best pool setting put beside it.
    expect(result.postMessageFloorUs).toBeGreaterThan(0);
    expect(result.postMessageFloorLowUs).toBeLessThanOrEqual(result.postMessageFloorUs!);
    expect(result.postMessageFloorHighUs).toBeGreaterThanOrEqual(result.postMessageFloorUs!);
    expect(result.notes.join('\n')).toMatch(/a bare postMessage round trip costs [\d.]+ µs here .*See `npm run exp:hand-off` for where the rest goes\./);
    for (const r of result.rows) {
      expect(r.checksumOk).toBe(true);
      expect(r.medianMs).toBeGreaterThan(0);
      expect(r.cpuMs).toBeGreaterThan(0);
    }
    expect(['baseline', 'pool']).toContain(result.bestMode);
    expect(result.notes[0]).toMatch(/^Verdict: /);
  }, 120_000);

  it('says a pool cannot help a tiny function: a call is below the break-even work', async () => {
    const result = await tryJson(example('tiny-sum.mjs'), '--max-threads', '2');
    expect(result.bestMode).toBe('baseline');
    expect(result.bestThreads).toBe(0);
    // Either way one call a task cannot pay: well below the break-even, or none at all when the calls in busy
    // workers were timed slower by as much as the threads (a loaded machine does that to a sub-µs call).
    expect(result.notes.join('\n')).toMatch(/This function is well below it|There is no break-even: /);
  }, 120_000);

  it('says data transfer dominates when the input is large', async () => {
    const result = await tryJson(example('large-input.mjs'), '--max-threads', '2');
    expect(result.notes.join('\n')).toContain('Data transfer dominates');
  }, 120_000);

  it('interleaves an async function that mostly waits, and interleaving wins', async () => {
    const result = await tryJson(example('mostly-waits.mjs'), '--max-threads', '1');
    expect(result.rows.map((r) => r.mode)).toContain('interleaved');
    expect(result.bestMode).toBe('interleaved');
    expect(result.breakEvenUs).toBeNull();
    expect(result.notes.join('\n')).toContain('Only one thread is usable');
  }, 120_000);

  it('runs a generator written against the effects specifier from a directory outside the repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-try-'));
    const file = join(dir, 'steps.ts');
    writeFileSync(
      file,
      "import { sleep } from 'concurrency-parallelism-lab/effects';\n" +
        'export default function* twice(n: number) {\n  yield sleep(2);\n  return { doubled: n * 2, bytes: Buffer.from([n]) };\n}\n' +
        'export const inputs = [1, 2, 3, 4];\n',
    );
    const result = await tryJson(file, '--max-threads', '1');
    expect(result.rows.map((r) => r.mode)).toEqual(['baseline', 'interleaved', 'pool', 'pool']);
    expect(result.rows.every((r) => r.checksumOk)).toBe(true);
  }, 120_000);
});

describe('try compares results by value', () => {
  it('flags the settings whose results differ from the baseline, from the first differing input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-try-differ-'));
    const file = join(dir, 'differs.mjs');
    writeFileSync(file, "import { isMainThread } from 'node:worker_threads';\nexport default (x) => (isMainThread || x < 2 ? x : -x);\nexport const inputs = [0, 1, 2, 3];\n");
    const result = await tryJson(file, '--max-threads', '1');
    expect(result.rows.map((r) => r.checksumOk)).toEqual([true, false, false]);
    expect(result.notes[0]).toContain('RESULTS DIFFER: pool of 1 with batch 1 from input 2');
    expect(result.bestMode).toBe('baseline');
  }, 120_000);

  it('takes --inputs FILE.json over the module\'s own inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-try-inputs-'));
    const file = join(dir, 'double.mjs');
    writeFileSync(file, "export default (x) => x * 2;\nexport function inputs() { throw new Error('not these'); }\n");
    writeFileSync(join(dir, 'inputs.json'), '[1, 2, 3]');
    const result = await tryJson(file, '--max-threads', '1', '--inputs', join(dir, 'inputs.json'));
    expect(result.rows.every((r) => r.checksumOk)).toBe(true);
  }, 120_000);
});

describe('try saves its result like any experiment', () => {
  it('writes JSON, markdown and a speedup SVG per batch size', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lab-try-out-'));
    const { code } = await lab('try', example('tiny-sum.mjs'), '--quick', '--max-threads', '1', '--batches', '1,4', '--out', out);
    expect(code).toBe(0);
    const [folder] = readdirSync(out).filter((f) => f.startsWith('try-examples-try-tiny-sum-mjs-'));
    const files = readdirSync(join(out, folder!));
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.svg'))).toHaveLength(2);
  }, 120_000);
});
