import { describe, expect, it } from 'vitest';
import { formatDuration, impossibleMemoryNotes, manyTasksNotes, manyTasksRows, marginalCosts, oneWay } from './analysis.ts';
import type { ManyTasksFigures } from './figures.ts';
import { manyTasksFigures, oneThread } from '../../test/helpers/analysis-many-tasks-figures.ts';

const notesOf = (f: ManyTasksFigures): string[] => manyTasksNotes(f, manyTasksRows(f));
/** Seven runs around `ms`, the two ways taking turns in each round. */
const runs = (ms: number): number[] => [ms - 1, ms, ms + 1, ms - 2, ms + 2, ms - 0.5, ms + 0.5];
const costNote = (f: ManyTasksFigures): string | undefined => notesOf(f).find((n) => n.startsWith('Cost of each added task'));

describe('many-tasks notes: how many tasks one thread held, and what threads or processes would need', () => {
  it('says where the scheduler stopped holding the ideal, compares it with async functions, and extrapolates the rest', () => {
    expect(notesOf(manyTasksFigures())).toEqual([
      'One thread held 1,000 waiting tasks within 1.10x the ideal wall time (the 50 ms wait plus 1 kernel unit of CPU work a task, back to back; ' +
        '1.08x (no repeats kept: no interval, too few repeats for a verdict) at 1,000); at 100,000 it took 2.86x (no repeats kept: no interval, too few repeats for a verdict) the ideal. ' +
        "Async functions on Node's loop held 1,000 the same way.",
      "At 100,000 tasks, spawning, parking and waking them on the lab's scheduler (steps not recorded) took 3.0 s against 2.0 s for async functions on Node's own loop " +
        '(1.50x, medians only: too few repeats for a verdict; within the 2x target), and 700 B of heap a parked task against 1 kB (0.70x, one child process each: too few repeats for a verdict (n = 1); within the 2x target), task specs included in both.',
      'A lab worker thread (spawn to ready) took 300 ms to start alone and 200 ms each when 8 started at once, and held 16 MB of resident memory. ' +
        'Holding 100,000 waiting tasks as threads would need about 1.6 TB and 333.3 min of start-up on this machine (extrapolated from 8, not measured; the cap is --max-threads, and memory and start-up time are what limit it), ' +
        'where one thread held them in 70 MB of heap.',
      'A process per task cost 80 MB of resident memory each (shared pages counted in every one) and 600 ms from fork to ready; 100,000 would need about 8 TB (extrapolated from 2, the --processes cap).',
      'Cost of each added task beyond the ideal, size to size: 19.65 µs from 1,000 to 100,000; heap per parked task 700 B, 700 B. One step between sizes shows no trend.',
      'Checksums not compared (no other way ran the same size): threads at 8, threads at 1, processes at 2, processes at 1.',
    ]);
  });

  it('with the runs kept: intervals, the paired test, the trend over several sizes, and exactly 2x still within the target', () => {
    const wide = manyTasksFigures({
      units: 2,
      usPerUnit: 5,
      oneThread: [
        oneThread('scheduler', 1000, 62, 700_000, { runsMs: runs(62) }),
        oneThread('async', 1000, 61, 1_000_000, { runsMs: runs(61) }),
        oneThread('scheduler', 10_000, 200, 7_000_000, { runsMs: runs(200) }),
        oneThread('async', 10_000, 150, 10_000_000, { runsMs: runs(150) }),
        oneThread('scheduler', 100_000, 1400, 70_000_000, { runsMs: [1400, 1401, 1399] }),
        oneThread('async', 100_000, 700, 35_000_000, { runsMs: runs(700) }),
      ],
      threads: [{ tasks: 4, startMs: 0.5, runMs: 60, rssBytes: 40_000_000, checksum: 4 }],
      processes: [{ tasks: 1, wallMs: 700, startMsMedian: 650, startMsAll: 650, rssBytesMean: 70_000_000, checksum: 1 }],
    });
    expect(notesOf(wide)).toEqual([
      'One thread held 1,000 waiting tasks within 1.10x the ideal wall time (the 50 ms wait plus 2 kernel units of CPU work a task, back to back; 1.03x [1.00-1.07] at 1,000); ' +
        "at 10,000 it took 1.33x [1.32-1.35] the ideal. Async functions on Node's loop held 100,000 the same way.",
      "At 100,000 tasks, spawning, parking and waking them on the lab's scheduler (steps not recorded) took 1.4 s against 700 ms for async functions on Node's own loop " +
        '(2.00x [2.00-2.00], too few repeats for a verdict (n = 3); within the 2x target), and 700 B of heap a parked task against 350 B (2.00x, one child process each: too few repeats for a verdict (n = 1); within the 2x target), task specs included in both.',
      'A lab worker thread (spawn to ready) took 0.13 ms to start alone and 0.13 ms each when 8 started at once, and held 10 MB of resident memory. ' +
        'Holding 100,000 waiting tasks as threads would need about 1 TB and 12.5 s of start-up on this machine (extrapolated from 8, not measured; the cap is --max-threads, and memory and start-up time are what limit it), ' +
        'where one thread held them in 70 MB of heap.',
      'A process per task cost 70 MB of resident memory each (shared pages counted in every one) and 650 ms from fork to ready; 100,000 would need about 7 TB (extrapolated from 2, the --processes cap).',
      'Cost of each added task beyond the ideal, size to size: 5.33 µs from 1,000 to 10,000, 3.33 µs from 10,000 to 100,000; heap per parked task 700 B, 700 B, 700 B. ' +
        "The timer heap's push and pop are O(log n), log2 n going from 13.3 to 16.6; the cost of an added task fell 0.63x over that range, a reading of medians of as few as 3 runs a size: too few repeats for a verdict.",
      'Checksums not compared (no other way ran the same size): threads at 4, processes at 1.',
    ]);
  });

  it('says when no size held the ideal, and over the 2x target when the scheduler took more than twice as long', () => {
    const notes = notesOf(manyTasksFigures({ oneThread: [oneThread('scheduler', 10, 60, 8000), oneThread('async', 10, 29, 3900)] }));
    expect(notes[0]).toBe('No size stayed within 1.10x the ideal (a 50 ms wait plus the CPU work); the smallest, 10 tasks, took 1.20x (no repeats kept: no interval, too few repeats for a verdict) it.');
    expect(notes[1]).toContain('took 60 ms against 29 ms for async functions on Node\'s own loop (2.07x, medians only: too few repeats for a verdict; over the 2x target), and 800 B of heap a parked task against 390 B (2.05x, one child process each: too few repeats for a verdict (n = 1); over the 2x target)');
    expect(notes.some((n) => n.startsWith('Cost of each added task'))).toBe(false);
  });

  it('says the ideal held up to the largest size when no larger one fell short', () => {
    const held = manyTasksFigures({ oneThread: [oneThread('scheduler', 10, 51, 8000), oneThread('async', 10, 51, 8000), oneThread('scheduler', 1000, 61, 8000), oneThread('async', 1000, 61, 8000)] });
    expect(notesOf(held)[0]).toBe(
      'One thread held 1,000 waiting tasks within 1.10x the ideal wall time (the 50 ms wait plus 1 kernel unit of CPU work a task, back to back; 1.02x (no repeats kept: no interval, too few repeats for a verdict) at 1,000), ' +
        "up to the largest size measured. Async functions on Node's loop held 1,000 the same way.",
    );
  });

  it('reads a trend only from sizes of a thousand on, from costs above zero, growth of exactly 1x as grown', () => {
    const sizes = (over: readonly number[]): ManyTasksFigures =>
      manyTasksFigures({ oneThread: [10, 1000, 10_000, 100_000].flatMap((tasks, i) => [oneThread('scheduler', tasks, 50 + tasks / 100 + over[i]!, 700 * tasks), oneThread('async', tasks, 50 + tasks / 100, 900 * tasks)]) });
    // Over the ideal: 1, 2, 11 and 101 ms: 1 µs a task from 1,000 to 10,000 and from 10,000 to 100,000.
    expect(costNote(sizes([1, 2, 11, 101]))).toBe(
      'Cost of each added task beyond the ideal, size to size: 1.00 µs from 1,000 to 10,000, 1.00 µs from 10,000 to 100,000; heap per parked task 700 B, 700 B, 700 B. ' +
        "The timer heap's push and pop are O(log n), log2 n going from 13.3 to 16.6; the cost of an added task grew 1.00x over that range, a reading of medians of as few as 1 run a size: too few repeats for a verdict.",
    );
    expect(costNote(sizes([1, 2, 11, 1001]))).toMatch(/11\.00 µs from 10,000 to 100,000; .*the cost of an added task grew 11\.00x over that range/);
    // A first step that cost something and a last that saved time: no trend to read.
    expect(costNote(sizes([1, 2, 11, 1]))).toMatch(/-0\.11 µs from 10,000 to 100,000; .*log2 n going from 13\.3 to 16\.6; the time beyond the ideal is too small here to read a trend from\.$/);
    expect(costNote(sizes([1, 20, 11, 101]))).toMatch(/^Cost of each added task beyond the ideal, size to size: -1\.00 µs from 1,000 to 10,000, 1\.00 µs from 10,000 to 100,000; .*too small here to read a trend from\.$/);
  });

  it('marks each impossible memory figure as no finding, counting one task in the singular', () => {
    const rows = manyTasksRows(manyTasksFigures({ oneThread: [oneThread('scheduler', 1, 51, -8000), oneThread('async', 1000, 62, -1)] }));
    expect(impossibleMemoryNotes(rows)).toEqual([
      'IMPOSSIBLE (✗): scheduler at 1 task: heap per task of -8.0 kB is below zero: holding tasks cannot free memory; RSS per task of -9.6 kB is below zero: holding tasks cannot free memory. ' +
        "This is not a finding: the child process's resident set (or heap) shrank between its two readings, as the garbage collector or the allocator handed pages back to the system, " +
        'and that outweighed what so few tasks hold. Read memory per task at the larger sizes.',
      'IMPOSSIBLE (✗): async at 1,000 tasks: heap per task of -0.0 kB is below zero: holding tasks cannot free memory; RSS per task of -0.0 kB is below zero: holding tasks cannot free memory. ' +
        "This is not a finding: the child process's resident set (or heap) shrank between its two readings, as the garbage collector or the allocator handed pages back to the system, " +
        'and that outweighed what so few tasks hold. Read memory per task at the larger sizes.',
    ]);
  });

  it('puts a checksum warning first, and leaves out the uncompared note when every row was compared', () => {
    const f = manyTasksFigures({ schedulerReference: [{ tasks: 1, checksum: 1 }, { tasks: 2, checksum: 2 }, { tasks: 8, checksum: 999 }] });
    const notes = notesOf(f);
    expect(notes[0]).toBe('CHECKSUMS DIFFER: some way did different work from the scheduler at the same size; its figures mean nothing until that is fixed.');
    expect(notes.some((n) => n.startsWith('Checksums not compared'))).toBe(false);
  });

  it('reads the marginal cost between consecutive sizes beyond what the ideal adds', () => {
    const f = manyTasksFigures();
    // Over the ideal: 10 tasks 0.9 ms, 1,000 tasks 5 ms, 100,000 tasks 1950 ms.
    expect(marginalCosts(f, oneWay(f, 'scheduler'))).toEqual([
      { from: 10, to: 1000, usPerTask: ((5 - (51 - 50.1)) * 1000) / 990 },
      { from: 1000, to: 100_000, usPerTask: ((1950 - 5) * 1000) / 99_000 },
    ]);
  });

  it('writes durations in ms, s or min by their size', () => {
    expect([0.42, 0.999, 1, 87, 999.4, 1000, 1300, 119_999, 120_000, 252_000].map(formatDuration)).toEqual(['0.42 ms', '1.00 ms', '1 ms', '87 ms', '999 ms', '1.0 s', '1.3 s', '120.0 s', '2.0 min', '4.2 min']);
  });
});
