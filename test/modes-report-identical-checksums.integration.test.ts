import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabPool, runMode, modeNames, type RunResult } from '../src/modes/index.ts';
import { mixedWorkload } from './fixtures/mixed-workload.ts';

describe('every mode does the same work', () => {
  let pool: LabPool;
  const results = new Map<string, RunResult>();

  beforeAll(async () => {
    pool = await LabPool.start({ threads: 2 });
    for (const mode of modeNames) results.set(mode, await runMode(mode, mixedWorkload, { pool }));
  });
  afterAll(() => pool.close());

  it('reports identical per-task checksums in sequential, interleaved and parallel', () => {
    const [first, ...others] = modeNames.map((m) => results.get(m)!.tasks.map((t) => [t.name, t.checksum]));
    expect(first).toHaveLength(mixedWorkload.tasks.length);
    for (const other of others) expect(other).toEqual(first);
  });

  it('gives every task its own checksum, so a task mix-up would show', () => {
    const checksums = results.get('sequential')!.tasks.map((t) => t.checksum);
    expect(new Set(checksums).size).toBe(checksums.length);
  });

  it('puts every traced step inside the run on the shared clock, in all modes and lanes', () => {
    for (const result of results.values()) {
      expect(result.trace.length).toBeGreaterThan(0);
      for (const e of result.trace) {
        expect(e.start).toBeGreaterThanOrEqual(0);
        expect(e.end).toBeGreaterThanOrEqual(e.start);
        expect(e.end).toBeLessThanOrEqual(result.wallMs);
        expect(e.lane).toBeLessThan(result.lanes.length);
      }
    }
  });

  it('gives each task a start and end within the run', () => {
    for (const result of results.values()) {
      for (const task of result.tasks) {
        expect(task.endMs).toBeGreaterThan(task.startMs);
        expect(task.endMs).toBeLessThanOrEqual(result.wallMs);
      }
    }
  });
});
