import { describe, expect, it } from 'vitest';
import { checksumCell, flaggedCell, manyTasksRows, maxTasksWithinIdeal, oneWay, unitCosts, type ManyTasksRow } from './analysis.ts';
import { manyTasksFigures, oneThread } from '../../test/helpers/analysis-many-tasks-figures.ts';

const said = (r: ManyTasksRow): string => `${r.way} ${r.tasks} ${String(r.checksumsIdentical)}`;

describe('many-tasks: per-thread and per-process costs, and every row', () => {
  it('takes costs from the pools sorted by size: the slope between the smallest and largest, start-up alone and at the cap', () => {
    expect(unitCosts(manyTasksFigures())).toEqual({ bytesPerThread: 16_000_000, threadStartMs: 300, threadStartMsAtCap: 200, bytesPerProcess: 80_000_000, processStartMs: 600, processStartMsAtCap: 450 });
    // One pool size only: its bytes over its threads.
    const lone = manyTasksFigures({ threads: [{ tasks: 4, startMs: 800, runMs: 60, rssBytes: 40_000_000, checksum: 4 }], processes: [{ tasks: 3, wallMs: 900, startMsMedian: 500, startMsAll: 1200, rssBytesMean: 60_000_000, checksum: 3 }] });
    expect(unitCosts(lone)).toEqual({ bytesPerThread: 10_000_000, threadStartMs: 200, threadStartMsAtCap: 200, bytesPerProcess: 60_000_000, processStartMs: 500, processStartMsAtCap: 400 });
  });

  it('makes a row per way and size, then extrapolates threads and processes to the largest size', () => {
    const measured = (way: ManyTasksRow['way'], tasks: number, wallMs: number, idealMs: number, rest: Partial<ManyTasksRow>): ManyTasksRow => ({
      way, tasks, measured: true, wallMs, idealMs, overIdeal: wallMs / idealMs, overheadUsPerTask: ((wallMs - idealMs) * 1000) / tasks, checksumsIdentical: null, rssBytesPerTask: 0, ...rest,
    });
    expect(manyTasksRows(manyTasksFigures())).toEqual([
      measured('scheduler', 10, 51, 50.1, { checksumsIdentical: true, heapBytesPerTask: 800, rssBytesPerTask: 960, startMsPerTask: 0.1 }),
      measured('async', 10, 50.5, 50.1, { checksumsIdentical: true, heapBytesPerTask: 900, rssBytesPerTask: 1080, startMsPerTask: 0.1 }),
      measured('scheduler', 1000, 65, 60, { checksumsIdentical: true, heapBytesPerTask: 700, rssBytesPerTask: 840, startMsPerTask: 0.001 }),
      measured('async', 1000, 62, 60, { checksumsIdentical: true, heapBytesPerTask: 1000, rssBytesPerTask: 1200, startMsPerTask: 0.001 }),
      measured('scheduler', 100_000, 3000, 1050, { checksumsIdentical: true, heapBytesPerTask: 700, rssBytesPerTask: 840, startMsPerTask: 0.00001 }),
      measured('async', 100_000, 2000, 1050, { checksumsIdentical: true, heapBytesPerTask: 1000, rssBytesPerTask: 1200, startMsPerTask: 0.00001 }),
      // A thread per task: the pool's start plus the run; per task, its RSS and its start.
      measured('threads', 8, 1670, 50.08, { rssBytesPerTask: 16_500_000, startMsPerTask: 200 }),
      measured('threads', 1, 360, 50.01, { rssBytesPerTask: 20_000_000, startMsPerTask: 300 }),
      measured('processes', 2, 1000, 50.02, { rssBytesPerTask: 80_000_000, startMsPerTask: 450 }),
      measured('processes', 1, 700, 50.01, { rssBytesPerTask: 70_000_000, startMsPerTask: 600 }),
      // 100,000 tasks at the start-up per task of the cap, plus the wait; nothing ran, so nothing was compared.
      { ...measured('threads', 100_000, 20_000_050, 1050, { rssBytesPerTask: 16_000_000, startMsPerTask: 200 }), measured: false },
      { ...measured('processes', 100_000, 45_000_050, 1050, { rssBytesPerTask: 80_000_000, startMsPerTask: 450 }), measured: false },
    ]);
  });

  it('compares a way with the scheduler only at a size the scheduler ran, and the scheduler with every other way at its size', () => {
    const referenced = manyTasksFigures({ schedulerReference: [{ tasks: 1, checksum: 1 }, { tasks: 8, checksum: 999 }, { tasks: 2, checksum: 2 }] });
    expect(manyTasksRows(referenced).filter((r) => r.way === 'threads' || r.way === 'processes').map(said)).toEqual([
      'threads 8 false', 'threads 1 true', 'processes 2 true', 'processes 1 true', 'threads 100000 null', 'processes 100000 null',
    ]);
    const asyncDiffers = manyTasksFigures({ oneThread: manyTasksFigures().oneThread.map((o) => (o.way === 'async' && o.tasks === 1000 ? { ...o, checksum: 7 } : o)) });
    expect(manyTasksRows(asyncDiffers).slice(0, 6).map(said)).toEqual(['scheduler 10 true', 'async 10 true', 'scheduler 1000 false', 'async 1000 false', 'scheduler 100000 true', 'async 100000 true']);
    // The scheduler's own run wins over a reference at the same size; a size no other way ran is not compared.
    const alone = manyTasksFigures({ schedulerReference: [{ tasks: 10, checksum: 999 }], oneThread: [oneThread('scheduler', 10, 51, 8000), oneThread('async', 10, 50.5, 9000), oneThread('scheduler', 1000, 65, 700_000)] });
    expect(manyTasksRows(alone).slice(0, 3).map(said)).toEqual(['scheduler 10 true', 'async 10 true', 'scheduler 1000 null']);
    // A thread row at the scheduler's size counts against the scheduler too.
    const threadAt10 = manyTasksFigures({ threads: [{ tasks: 10, startMs: 900, runMs: 60, rssBytes: 90_000_000, checksum: 3 }, { tasks: 1, startMs: 300, runMs: 60, rssBytes: 20_000_000, checksum: 1 }] });
    expect(manyTasksRows(threadAt10).filter((r) => r.tasks === 10).map(said)).toEqual(['scheduler 10 false', 'async 10 true', 'threads 10 false']);
  });

  it('flags a negative memory figure per task as impossible, and marks its table cell', () => {
    const shrank = manyTasksFigures({ oneThread: [oneThread('scheduler', 10, 51, -8000), ...manyTasksFigures().oneThread.slice(1)] });
    const [row] = manyTasksRows(shrank);
    expect(row!.impossible).toBe('heap per task of -0.8 kB is below zero: holding tasks cannot free memory; RSS per task of -1.0 kB is below zero: holding tasks cannot free memory');
    expect(flaggedCell('-800 B', row!, 'heap')).toBe('-800 B ✗');
    expect(flaggedCell('-960 B', row!, 'RSS')).toBe('-960 B ✗');
    const rssOnly = manyTasksRows(manyTasksFigures({ oneThread: [oneThread('scheduler', 10, 51, 8000, { rssBytes: -100 }), ...manyTasksFigures().oneThread.slice(1)] }))[0]!;
    expect(rssOnly.impossible).toBe('RSS per task of -0.0 kB is below zero: holding tasks cannot free memory');
    expect(flaggedCell('800 B', rssOnly, 'heap')).toBe('800 B');
    expect(manyTasksRows(manyTasksFigures()).some((r) => 'impossible' in r)).toBe(false);
  });

  it('names each checksum state in the table', () => {
    const [scheduler] = manyTasksRows(manyTasksFigures());
    expect(checksumCell(scheduler!)).toBe('identical');
    expect(checksumCell({ ...scheduler!, checksumsIdentical: false })).toBe('DIFFERENT');
    expect(checksumCell({ ...scheduler!, checksumsIdentical: null })).toBe('not compared');
    expect(checksumCell({ ...scheduler!, measured: false })).toBe('not run');
  });

  it('holds the ideal up to the first size that is not within 10% of it, for either way', () => {
    expect(maxTasksWithinIdeal(manyTasksFigures())).toBe(1000);
    expect(maxTasksWithinIdeal(manyTasksFigures(), 'async')).toBe(1000);
    // Exactly 1.1x the ideal of 10 tasks (50 ms + 0.1 ms), as the analysis computes it: still within.
    const edge = manyTasksFigures({ oneThread: [oneThread('scheduler', 1000, 70, 1), oneThread('scheduler', 10, 1.1 * (50 + 0.1), 1)] });
    expect(maxTasksWithinIdeal(edge)).toBe(10);
    const slowFirst = manyTasksFigures({ oneThread: [oneThread('scheduler', 10, 56, 1), oneThread('scheduler', 1000, 61, 1)] });
    expect(maxTasksWithinIdeal(slowFirst)).toBe(0);
    expect(oneWay(edge, 'scheduler').map((o) => o.tasks)).toEqual([10, 1000]);
  });
});
