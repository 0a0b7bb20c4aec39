import { describe, expect, it } from 'vitest';
import { manyTasksNotes, marginalCosts, manyTasksRows, maxTasksWithinIdeal, unitCosts } from './analysis.ts';
import { formatBytes } from '../../src/report/format.ts';
import { manyTasks } from './index.ts';
import { parseLabArgs } from '../../src/cli/args.ts';
import { runSpecAsync, runWorkloadAsync, UnsupportedPartError } from './async-reference.ts';
import { idealMs, type ManyTasksFigures, type OneThreadFigures } from './figures.ts';
import { measureManyTasks, sizesUpTo } from './measure-many.ts';
import { runWorkloadOnScheduler } from './scheduler-way.ts';
import { manyTasksWorkload } from './workload.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import { manyTasksFigures, oneThread } from '../../test/helpers/analysis-many-tasks-figures.ts';

const one = (way: 'scheduler' | 'async', tasks: number, wallMs: number, heapBytes: number): OneThreadFigures => oneThread(way, tasks, wallMs, heapBytes);

/** The hand-made figures of the analysis tests (ideal = 50 ms + tasks * 0.01 ms; the scheduler within 10% up to 1,000 tasks), threads and processes smallest first. */
const handMade = manyTasksFigures();
const figures: ManyTasksFigures = { ...handMade, threads: [...handMade.threads].reverse(), processes: [...handMade.processes].reverse() };

describe('many-tasks analysis (hand-fed figures)', () => {
  it('takes the facts at the largest size, per thread from the slope between pools, and the lone thread for start-up', () => {
    const { facts, rows } = manyTasks.analyse(figures, {} as ExperimentContext);
    expect(facts).toMatchObject({
      maxTasks: 100_000,
      bytesPerTaskScheduler: 700,
      bytesPerTaskAsync: 1000,
      bytesPerThread: (132_000_000 - 20_000_000) / 7,
      threadStartMs: 300,
      bytesPerProcess: 80_000_000,
      processStartMs: 600,
      maxTasksWithinIdeal: 1000,
      schedulerVsAsyncTimeAtMaxN: 1.5,
      schedulerVsAsyncMemoryAtMaxN: 0.7,
    });
    expect(rows.map((r) => `${r.way} ${r.tasks} ${r.measured}`)).toEqual([
      'scheduler 10 true', 'async 10 true', 'scheduler 1000 true', 'async 1000 true', 'scheduler 100000 true', 'async 100000 true',
      'threads 1 true', 'threads 8 true', 'processes 1 true', 'processes 2 true', 'threads 100000 false', 'processes 100000 false',
    ]);
  });

  it('extrapolates threads and processes linearly from the start-up per task at their cap, and marks the rows as not run', () => {
    const rows = manyTasksRows(figures);
    const threads = rows.find((r) => r.way === 'threads' && !r.measured)!;
    expect(threads.wallMs).toBeCloseTo((1600 / 8) * 100_000 + 50, 6);
    expect(threads.rssBytesPerTask).toBe(unitCosts(figures).bytesPerThread);
    const processes = rows.find((r) => r.way === 'processes' && !r.measured)!;
    expect(processes.wallMs).toBeCloseTo((900 / 2) * 100_000 + 50, 6);
    expect(threads.idealMs).toBe(idealMs(figures, 100_000));
    // One-thread ways: building the specs until every task parked, over their number; measured threads: the pool's start over its size.
    expect(rows.filter((r) => r.tasks === 1000).map((r) => r.startMsPerTask)).toEqual([1 / 1000, 1 / 1000]);
    expect(rows.find((r) => r.way === 'threads' && r.tasks === 8)!.startMsPerTask).toBe(200);
  });

  it('counts tasks held within 10% of the ideal only up to the first size that is not', () => {
    const slowFirst: ManyTasksFigures = { ...figures, oneThread: [one('scheduler', 10, 60, 1), one('scheduler', 1000, 61, 1), one('async', 10, 50, 1)] };
    expect(maxTasksWithinIdeal(slowFirst)).toBe(0);
    expect(maxTasksWithinIdeal(figures)).toBe(1000);
  });

  it('says in its notes where one thread stopped holding the ideal, the 2x verdicts, and what threads would need, labelled as extrapolated', () => {
    const notes = manyTasksNotes(figures, manyTasksRows(figures));
    // Figures without their runs: each ratio to the ideal says that it has no interval and no verdict.
    expect(notes[0]).toMatch(/^One thread held 1,000 waiting tasks within 1\.10x the ideal .*; 1\.08x \(no repeats kept: no interval, too few repeats for a verdict\) at 1,000\); at 100,000 it took 2\.86x \(no repeats kept: no interval, too few repeats for a verdict\) the ideal\. Async functions on Node's loop held 1,000 the same way\.$/);
    expect(notes[1]).toContain('(1.50x, medians only: too few repeats for a verdict; within the 2x target)');
    expect(notes[1]).toContain('(0.70x, one child process each: too few repeats for a verdict (n = 1); within the 2x target)');
    // With the runs kept (three each, the ways taking turns): the median's interval against the ideal, and the paired test.
    const runs = (o: OneThreadFigures): OneThreadFigures => ({ ...o, runsMs: [o.wallMs - 1, o.wallMs, o.wallMs + 1] });
    const kept = manyTasksNotes({ ...figures, oneThread: figures.oneThread.map(runs) }, manyTasksRows(figures));
    expect(kept[0]).toContain('at 100,000 it took 2.86x [2.86-2.86] (75% interval of 3 repeats) the ideal');
    expect(kept[1]).toContain('(1.50x [1.50-1.50], too few repeats for a verdict (n = 3); within the 2x target)');
    expect(notes[2]).toContain('extrapolated from 8, not measured');
    expect(notes[2]).toContain(`about ${formatBytes(unitCosts(figures).bytesPerThread * 100_000, 'decimal')}`);
    expect(notes.some((n) => n.startsWith('CHECKSUMS DIFFER'))).toBe(false);
  });

  it('puts a checksum warning first when a way did different work', () => {
    const wrong: ManyTasksFigures = { ...figures, oneThread: figures.oneThread.map((o) => (o.way === 'async' && o.tasks === 10 ? { ...o, checksum: 999 } : o)) };
    const rows = manyTasksRows(wrong);
    // The scheduler's row is the reference: it says that not every way at its size matched it.
    expect(rows.filter((r) => r.checksumsIdentical === false).map((r) => `${r.way} ${r.tasks}`)).toEqual(['scheduler 10', 'async 10']);
    expect(manyTasksNotes(wrong, rows)[0]).toMatch(/^CHECKSUMS DIFFER/);
  });

  it('compares threads and processes only with a scheduler run of their own size; rows without one, and extrapolated rows, are not compared (null)', () => {
    // The hand-made figures have threads at 1 and 8 and processes at 1 and 2 tasks, sizes the scheduler never ran.
    const rows = manyTasksRows(figures);
    const said = (r: (typeof rows)[number]): string => `${r.way} ${r.tasks} ${String(r.checksumsIdentical)}`;
    expect(rows.filter((r) => r.way === 'threads' || r.way === 'processes').map(said)).toEqual([
      'threads 1 null', 'threads 8 null', 'processes 1 null', 'processes 2 null', 'threads 100000 null', 'processes 100000 null',
    ]);
    // No other way ran 100,000 tasks but async, which matched.
    expect(rows.filter((r) => r.way === 'scheduler').map(said)).toEqual(['scheduler 10 true', 'scheduler 1000 true', 'scheduler 100000 true']);
    const { tables, notes } = manyTasks.analyse(figures, {} as ExperimentContext);
    const checksums = tables[0]!.rows.map((cells) => `${cells[0]} ${cells[1]}: ${cells[cells.length - 1]}`);
    expect(checksums).toContain('threads 1: not compared');
    expect(checksums).toContain('processes 2: not compared');
    expect(checksums).toContain('threads (extrapolated) 100,000: not run');
    expect(notes.join('\n')).toContain('Checksums not compared (no other way ran the same size): threads at 1, threads at 8, processes at 1, processes at 2.');
    expect(JSON.parse(JSON.stringify(rows)).filter((r: { measured: boolean }) => !r.measured).map((r: { checksumsIdentical: unknown }) => r.checksumsIdentical)).toEqual([null, null]);

    // With the scheduler's own run at those sizes, each row is compared: equal, or DIFFERENT with the warning first.
    const referenced: ManyTasksFigures = { ...figures, schedulerReference: [{ tasks: 1, checksum: 1 }, { tasks: 2, checksum: 2 }, { tasks: 8, checksum: 999 }] };
    const compared = manyTasksRows(referenced).filter((r) => r.measured && (r.way === 'threads' || r.way === 'processes')).map(said);
    expect(compared).toEqual(['threads 1 true', 'threads 8 false', 'processes 1 true', 'processes 2 true']);
    expect(manyTasksNotes(referenced, manyTasksRows(referenced))[0]).toMatch(/^CHECKSUMS DIFFER/);
  });

  it('flags a negative memory figure per task as impossible, not as a finding, and leaves it off the memory chart', () => {
    // The reference run's figure: RSS fell by 6.2 MB while the child built 10 tasks, -616 kB a task.
    const shrank: ManyTasksFigures = { ...figures, oneThread: figures.oneThread.map((o) => (o.way === 'scheduler' && o.tasks === 10 ? { ...o, rssBytes: -6_164_480 } : o)) };
    const rows = manyTasksRows(shrank);
    const row = rows.find((r) => r.way === 'scheduler' && r.tasks === 10)!;
    expect(row.impossible).toBe('RSS per task of -616 kB is below zero: holding tasks cannot free memory');
    expect(rows.filter((r) => r.impossible !== undefined)).toHaveLength(1);
    const { tables, notes, lineCharts } = manyTasks.analyse(shrank, {} as ExperimentContext);
    expect(tables[0]!.rows[0]![7]).toBe('-616 kB ✗');
    expect(notes.filter((n) => n.startsWith('IMPOSSIBLE (✗): scheduler at 10 tasks: RSS per task of -616 kB is below zero'))).toHaveLength(1);
    expect(notes.join('\n')).toContain('This is not a finding');
    const memory = lineCharts![0]!.series.find((s) => s.label.startsWith("lab's scheduler"))!;
    expect(memory.points.every((p) => p.y > 0)).toBe(true);
    // A heap that shrank is flagged the same way.
    const heap = manyTasksRows({ ...figures, oneThread: [one('scheduler', 10, 51, -8000), ...figures.oneThread.slice(1)] });
    expect(heap[0]!.impossible).toBe('heap per task of -0.8 kB is below zero: holding tasks cannot free memory; RSS per task of -1.0 kB is below zero: holding tasks cannot free memory');
  });

  it('reads the cost of each added task between consecutive sizes, beyond what the ideal adds', () => {
    const scheduler = figures.oneThread.filter((o) => o.way === 'scheduler');
    // Over the ideal: 10 tasks 0.9 ms, 1,000 tasks 5 ms, 100,000 tasks 1950 ms.
    expect(marginalCosts(figures, scheduler).map((m) => [m.from, m.to, Number(m.usPerTask.toFixed(4))])).toEqual([
      [10, 1000, Number(((4.1 * 1000) / 990).toFixed(4))],
      [1000, 100_000, Number(((1945 * 1000) / 99_000).toFixed(4))],
    ]);
    const note = manyTasksNotes(figures, manyTasksRows(figures)).find((n) => n.startsWith('Cost of each added task'))!;
    expect(note).toContain('19.65 µs from 1,000 to 100,000');
    // One step between sizes past 1,000: no trend to read.
    expect(note).toContain('One step between sizes shows no trend.');
    const wider: ManyTasksFigures = { ...figures, oneThread: [...figures.oneThread, one('scheduler', 1_000_000, 40_000, 700_000_000), one('async', 1_000_000, 30_000, 1_000_000_000)] };
    const trend = manyTasksNotes(wider, manyTasksRows(wider)).find((n) => n.startsWith('Cost of each added task'))!;
    expect(trend).toMatch(/the cost of an added task grew [\d.]+x over that range, a reading of medians of as few as 1 run a size: too few repeats for a verdict\.$/);
  });
});

describe('many-tasks measurement (small sizes)', () => {
  it('the async reference and the scheduler fold the same checksums from the same specs, sliced cpu parts included', async () => {
    const workload = { name: 'w', tasks: [{ name: 'a', parts: [{ kind: 'wait' as const, ms: 1 }, { kind: 'cpu' as const, units: 300, sliceUnits: 128 }] }, { name: 'b', parts: [{ kind: 'cpu' as const, units: 2 }] }] };
    expect(await runWorkloadAsync(workload)).toBe(await runWorkloadOnScheduler(workload));
    await expect(runSpecAsync({ name: 'x', parts: [{ kind: 'block', ms: 1 }] })).rejects.toThrow(new UnsupportedPartError('the async reference runs only wait and cpu parts; task "x" has a block part'));
  });

  it('runs every way at tiny sizes; every way that ran the same size reports the scheduler\'s checksum', async () => {
    const stages: string[] = [];
    const f = await measureManyTasks({ sizes: [2, 20], threadSizes: [1, 2], processSizes: [2], waitMs: 5, units: 1, repeats: 1, threadCap: 2, processCap: 2, onStage: (label) => stages.push(label) });
    expect(stages).toEqual(['2 tasks on one thread', '20 tasks on one thread', '1 worker threads', '2 worker threads', '2 processes']);
    // 1 task ran only as a thread: the scheduler ran it once more, untimed, for the reference checksum.
    expect(f.schedulerReference).toEqual([{ tasks: 1, checksum: f.threads[0]!.checksum }]);
    const checksumAt2 = f.oneThread.find((o) => o.way === 'scheduler' && o.tasks === 2)!.checksum;
    expect([...f.oneThread.filter((o) => o.tasks === 2), ...f.threads.filter((t) => t.tasks === 2), ...f.processes].map((x) => x.checksum)).toEqual([checksumAt2, checksumAt2, checksumAt2, checksumAt2]);
    expect(f.oneThread.map((o) => `${o.way} ${o.tasks}`)).toEqual(['scheduler 2', 'async 2', 'scheduler 20', 'async 20']);
    // Bytes of a couple of tasks are within the GC's noise: only that they were measured is checked here.
    for (const x of [...f.oneThread.flatMap((o) => [o.heapBytes, o.rssBytes]), f.threads[0]!.rssBytes, f.processes[0]!.rssBytesMean]) expect(Number.isFinite(x)).toBe(true);
    expect(f.processes[0]!.startMsAll).toBeGreaterThanOrEqual(f.processes[0]!.startMsMedian);
    // Every measured row was compared with the scheduler at its own size; the extrapolated rows ran nothing.
    const rows = manyTasksRows(f);
    expect(rows.filter((r) => r.measured).every((r) => r.checksumsIdentical === true)).toBe(true);
    expect(rows.filter((r) => !r.measured).map((r) => r.checksumsIdentical)).toEqual([null, null]);
  }, 120_000);

  it('measures at powers of ten up to a cap, and at the cap itself', () => {
    expect(sizesUpTo(100_000)).toEqual([10, 100, 1000, 10_000, 100_000]);
    expect(sizesUpTo(64)).toEqual([10, 64]);
    expect(sizesUpTo(4)).toEqual([4]);
    expect(manyTasksWorkload({ tasks: 3, waitMs: 7, units: 2 }).tasks.map((t) => t.name)).toEqual(['t1', 't2', 't3']);
  });

  it('takes --max-threads and --processes for experiments only', () => {
    expect(parseLabArgs(['many-tasks', '--max-threads', '8', '--processes', '3'])).toMatchObject({ maxThreads: 8, processes: 3 });
    expect(() => parseLabArgs(['run', '--workload', 'w.json', '--max-threads', '8'])).toThrow(/--max-threads does not apply to the run command/);
  });
});
