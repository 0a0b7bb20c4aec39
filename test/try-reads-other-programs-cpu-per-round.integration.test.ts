import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogueLines } from '../experiments/catalogue-lines.ts';
import { runLab } from '../src/cli/main.ts';
import { steadyCpu } from './helpers/cpu-readings.ts';
import { Capture } from './helpers/streams.ts';

interface TryJson {
  rows: { mode: string; disturbed?: true; samples: { wallMs: number; foreignCpuCores?: number }[] }[];
  notes: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'lab-try-foreign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * `try` in this process on a module whose 8 calls each block their thread for 70 ms: every run (the
 * loop, or one task of 8 calls) lasts over 0.5 s. They block in Atomics.wait, not in a spin: the
 * readings of other programs' CPU come from the fake reader, and a spin cost 16 s of CPU here.
 */
async function tryWith(readCpu: ReturnType<typeof steadyCpu>): Promise<TryJson> {
  const file = join(dir, 'slow.mjs');
  writeFileSync(file, 'const cell = new Int32Array(new SharedArrayBuffer(4));\nexport default (n) => { Atomics.wait(cell, 0, 0, 70); return n; };\nexport const inputs = [1, 2, 3, 4, 5, 6, 7, 8];\n');
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runLab(['try', file, '--quick', '--no-save', '--json', '--max-threads', '1', '--batches', '8'], catalogueLines, { stdout, stderr, readCpu });
  expect(stderr.text, stderr.text).not.toContain('lab:');
  expect(code).toBe(0);
  return JSON.parse(stdout.text) as TryJson;
}

describe("try reads other programs' CPU round by round", () => {
  it('gives every timed run of 0.5 s or more its reading, and marks the rows disturbed when another program held 0.8 of a core', async () => {
    const result = await tryWith(steadyCpu({ foreignCores: 0.8 }));
    expect(result.rows.map((r) => r.mode)).toEqual(['baseline', 'pool']);
    for (const row of result.rows) {
      expect(row.samples.length).toBeGreaterThan(0);
      expect(row.samples.map((s) => s.foreignCpuCores)).toEqual(row.samples.map(() => 0.8));
      expect(row.disturbed).toBe(true);
    }
  }, 120_000);

  it('on a quiet machine the runs carry their reading and no row is marked', async () => {
    const result = await tryWith(steadyCpu());
    for (const row of result.rows) {
      expect(row.samples.map((s) => s.foreignCpuCores)).toEqual(row.samples.map(() => 0));
      expect(row.disturbed).toBeUndefined();
    }
  }, 120_000);
});
