import { describe, expect, it } from 'vitest';
import { eightSmallInputs } from './helpers/try-figures.ts';
import { analyseTry, type TryFigures } from '../src/report/try-analysis.ts';

/** `n` rounds whose median is exactly `ms`, every one a little different. */
const around = (ms: number, n = 9): number[] => Array.from({ length: n }, (_, i) => ms * (1 + (((i * 7) % 5) - 2) / 500));

/** Eight inputs on 2 cores: the loop and a pool of 2 at batch 1, each run's foreign CPU as given (null: the run was too short to tell). */
function figures(loopForeign: readonly (number | null)[] | undefined, poolForeign: readonly (number | null)[] | undefined): TryFigures {
  return {
    workload: 'f.mjs',
    kind: 'sync',
    cores: 2,
    maxThreads: 2,
    subjects: [
      { mode: 'baseline', threads: 1, batch: 1, wallMs: around(1000), cpuMs: around(1000), checksumOk: true, ...(loopForeign !== undefined && { foreignCpuCores: loopForeign }) },
      { mode: 'pool', threads: 2, batch: 1, wallMs: around(600), cpuMs: around(1000), checksumOk: true, ...(poolForeign !== undefined && { foreignCpuCores: poolForeign }) },
    ],
    callMs: Array.from({ length: 8 }, () => around(125)),
    ...eightSmallInputs(),
    runMs: 20_000,
  };
}

const quiet = new Array<number>(9).fill(0.05);

describe('try marks the rows whose rounds other programs disturbed, as the mode tables do', () => {
  it('carries each run\'s reading into its sample, marks the row above a quarter of a core with %, and says why under the table', () => {
    // The pool's runs: 0.8 of a core on average over the 6 runs that measured it (3 runs were too short to tell).
    const busy = [0.8, null, 0.7, 0.9, null, 0.8, 0.75, null, 0.85];
    const { rows, tables } = analyseTry(figures(quiet, busy));
    expect(rows[0]!.disturbed).toBeUndefined();
    expect(rows[1]!.disturbed).toBe(true);
    expect(rows[1]!.samples.map((s) => s.foreignCpuCores)).toEqual([0.8, undefined, 0.7, 0.9, undefined, 0.8, 0.75, undefined, 0.85]);
    expect(rows[0]!.samples.every((s) => s.foreignCpuCores === 0.05)).toBe(true);
    const [table] = tables;
    expect(table!.rows.map((r) => r[0])).toEqual(['baseline', 'pool %']);
    expect(table!.warnings).toContain(
      'disturbed %: f.mjs pool 2 threads, batch 1: other programs used about 0.8 of a core on average during 6 of its 9 runs (those of 0.5 s or more), above 0.25: rerun on an idle machine.',
    );
  });

  it('no mark and no legend on quiet runs, on runs too short to tell, or where nothing was read', () => {
    for (const [loop, pool] of [[quiet, quiet], [new Array(9).fill(null), new Array(9).fill(null)], [undefined, undefined]] as const) {
      const { rows, tables } = analyseTry(figures(loop, pool));
      expect(rows.some((r) => r.disturbed === true)).toBe(false);
      expect(tables[0]!.rows.map((r) => r[0])).toEqual(['baseline', 'pool']);
      expect(tables[0]!.warnings!.join('\n')).not.toContain('disturbed');
    }
  });
});
