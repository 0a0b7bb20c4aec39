import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manyTasks } from '../experiments/many-tasks/index.ts';
import type { ExperimentContext } from '../src/experiment/context.ts';
import type { OneThreadFigures } from '../experiments/many-tasks/figures.ts';
import { experiments } from '../experiments/catalogue.ts';
import { comparableIn } from '../src/experiment/context.ts';
import { compareResults } from '../src/report/compare-results.ts';
import { RESULT_SCHEMA, validateSavedResult, type SavedResult } from '../src/report/saved-result.ts';
import { manyTasksFigures } from './helpers/analysis-many-tasks-figures.ts';
import { repoRoot } from './helpers/cli.ts';

const one = (way: 'scheduler' | 'async', tasks: number, wallMs: number): OneThreadFigures => ({ way, tasks, wallMs, checksum: 7, heapBytes: 700 * tasks, rssBytes: 800 * tasks, parkedMs: 1 });

/** Threads and processes at sizes the scheduler never ran, and no reference runs: their rows, and the extrapolated ones, compare nothing. */
const figures = manyTasksFigures({
  oneThread: [one('scheduler', 10, 51), one('async', 10, 50.5), one('scheduler', 1000, 65), one('async', 1000, 62)],
  threads: [{ tasks: 1, startMs: 300, runMs: 60, rssBytes: 20_000_000, checksum: 7 }, { tasks: 8, startMs: 1600, runMs: 70, rssBytes: 132_000_000, checksum: 7 }],
  processes: [{ tasks: 2, wallMs: 1000, startMsMedian: 800, startMsAll: 900, rssBytesMean: 80_000_000, checksum: 7 }],
});

describe('saved rows whose checksums were not compared (null, schema 3)', () => {
  it('are read back and compared like any other result', () => {
    const machine = (JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/results/small-2c.json'), 'utf8')) as SavedResult).machine;
    const { settings, tables, rows, facts, notes } = manyTasks.analyse(figures, { machine } as ExperimentContext);
    const saved = JSON.parse(
      JSON.stringify({ schema: RESULT_SCHEMA, experiment: 'many-tasks', question: manyTasks.question, machine, settings, tables, rows, facts, notes, pictures: [], savedAt: '2026-12-01T00:00:00.000Z', argv: [] }),
    ) as unknown;
    const read = validateSavedResult(saved, 'many-tasks.json');
    expect(read.rows.filter((r) => (r as { checksumsIdentical: unknown }).checksumsIdentical === null)).toHaveLength(5);
    // Rows of ways and sizes are not timed mode rows: compare has nothing to line up, and does not fail on them.
    expect(compareResults([read, { ...read, savedAt: '2026-12-02T00:00:00.000Z' }], comparableIn(experiments)).rows).toEqual([]);
  });
});
