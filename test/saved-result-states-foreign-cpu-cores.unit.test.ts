import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULT_SCHEMA, validateSavedResult } from '../src/report/saved-result.ts';
import { repoRoot } from './helpers/cli.ts';

type Doc = Record<string, unknown> & { rows: (Record<string, unknown> & { samples: Record<string, unknown>[] })[] };

/** A saved result of the fixtures, as schema 4, changed by `change`. */
const doc = (change: (d: Doc) => void = () => {}): Doc => {
  const d = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/results/small-2c.json'), 'utf8')) as Doc;
  d.schema = RESULT_SCHEMA;
  change(d);
  return d;
};
const fault = (change: (d: Doc) => void): string | undefined => {
  try {
    validateSavedResult(doc(change), 'r.json');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('a saved result states the CPU of other programs during its run', () => {
  it('as a number >= 0, or null where the system did not say; absent in results saved before (read as not measured)', () => {
    for (const value of [0, 0.8, 3, null]) expect(fault((d) => (d.foreignCpuCores = value))).toBeUndefined();
    expect(fault((d) => delete d.foreignCpuCores)).toBeUndefined();
    expect(fault((d) => ((d.schema = 'concurrency-lab.result/3'), delete d.foreignCpuCores))).toBeUndefined();
  });

  it('refuses anything else, naming the field and the value', () => {
    expect(fault((d) => (d.foreignCpuCores = -0.1))).toBe('r.json: foreignCpuCores must be a number >= 0 or null, got -0.1');
    expect(fault((d) => (d.foreignCpuCores = '0.8'))).toBe('r.json: foreignCpuCores must be a number >= 0 or null, got "0.8"');
  });

  it('per run, beside the wall time of runs long enough to tell; a disturbed row says true', () => {
    expect(fault((d) => ((d.rows[0]!.samples[0]!.foreignCpuCores = 0.4), (d.rows[0]!.disturbed = true)))).toBeUndefined();
    expect(fault((d) => (d.rows[0]!.samples[1]!.foreignCpuCores = -1))).toBe('r.json: rows[0].samples[1].foreignCpuCores must be a number >= 0 when present, got -1');
    expect(fault((d) => (d.rows[0]!.samples[1]!.foreignCpuCores = null))).toBe('r.json: rows[0].samples[1].foreignCpuCores must be a number >= 0 when present, got null');
    expect(fault((d) => (d.rows[1]!.disturbed = false))).toBe('r.json: rows[1].disturbed must be true when present, got false');
  });
});
