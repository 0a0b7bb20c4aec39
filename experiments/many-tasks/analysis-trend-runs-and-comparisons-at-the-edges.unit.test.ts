import { describe, expect, it } from 'vitest';
import { manyTasksNotes, manyTasksRows } from './analysis.ts';
import type { ManyTasksFigures } from './figures.ts';
import { manyTasksFigures, oneThread } from '../../test/helpers/analysis-many-tasks-figures.ts';

const notesOf = (f: ManyTasksFigures): string[] => manyTasksNotes(f, manyTasksRows(f));
/** The scheduler `over` ms beyond the ideal at 10, 1,000, 10,000 and 100,000 tasks, with `runs` kept at each (async exactly at the ideal). */
const sizes = (over: readonly number[], runs: readonly (readonly number[] | undefined)[] = []): ManyTasksFigures =>
  manyTasksFigures({
    oneThread: [10, 1000, 10_000, 100_000].flatMap((tasks, i) => [
      oneThread('scheduler', tasks, 50 + tasks / 100 + over[i]!, 700 * tasks, runs[i] === undefined ? {} : { runsMs: runs[i] }),
      oneThread('async', tasks, 50 + tasks / 100, 900 * tasks),
    ]),
  });
const costNote = (f: ManyTasksFigures): string => notesOf(f).find((n) => n.startsWith('Cost of each added task'))!;
const tooSmall = "The timer heap's push and pop are O(log n), log2 n going from 13.3 to 16.6; the time beyond the ideal is too small here to read a trend from.";

describe('many-tasks notes at their edges', () => {
  it('counts the runs of the sizes the trend reads, from the first of them on', () => {
    // One run at 10 tasks (not read), two at 1,000 (the first read), three at the larger sizes.
    expect(costNote(sizes([1, 2, 11, 101], [[51], [61, 62], [161, 162, 163], [1151, 1152, 1153]]))).toMatch(/the cost of an added task grew 1\.00x over that range, a reading of medians of as few as 2 runs a size: too few repeats for a verdict\.$/);
  });

  it('reads no trend from a step that cost exactly nothing, first or last', () => {
    expect(costNote(sizes([1, 2, 2, 101]))).toBe(
      'Cost of each added task beyond the ideal, size to size: 0.00 µs from 1,000 to 10,000, 1.10 µs from 10,000 to 100,000; heap per parked task 700 B, 700 B, 700 B. ' + tooSmall,
    );
    expect(costNote(sizes([1, 2, 11, 11]))).toBe(
      'Cost of each added task beyond the ideal, size to size: 1.00 µs from 1,000 to 10,000, 0.00 µs from 10,000 to 100,000; heap per parked task 700 B, 700 B, 700 B. ' + tooSmall,
    );
  });

  it('tests the time against async functions only when both kept their runs', () => {
    const base = manyTasksFigures().oneThread;
    const keep = (way: 'scheduler' | 'async', runsMs: number[]) => manyTasksFigures({ oneThread: base.map((o) => (o.way === way && o.tasks === 100_000 ? { ...o, runsMs } : o)) });
    for (const f of [keep('scheduler', [2999, 3000, 3001]), keep('async', [1999, 2000, 2001])]) {
      expect(notesOf(f)[1]).toContain("took 3.0 s against 2.0 s for async functions on Node's own loop (1.50x, medians only: too few repeats for a verdict; within the 2x target)");
    }
  });

  it('compares a process run at the scheduler\'s size with it, and the scheduler with the process', () => {
    const f = manyTasksFigures({
      processes: [
        { tasks: 10, wallMs: 700, startMsMedian: 600, startMsAll: 600, rssBytesMean: 70_000_000, checksum: 3 },
        { tasks: 1, wallMs: 700, startMsMedian: 600, startMsAll: 600, rssBytesMean: 70_000_000, checksum: 1 },
      ],
    });
    expect(manyTasksRows(f).filter((r) => r.tasks === 10).map((r) => `${r.way} ${String(r.checksumsIdentical)}`)).toEqual(['scheduler false', 'async true', 'processes false']);
  });
});
