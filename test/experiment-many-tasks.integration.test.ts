import { describe, expect, it } from 'vitest';
import { manyTasksNotes, marginalCosts, manyTasksRows, maxTasksWithinIdeal, unitCosts } from '../experiments/many-tasks-analysis.ts';
import { formatBytes } from '../src/report/format.ts';
import { manyTasks } from '../experiments/many-tasks.ts';
import { parseLabArgs } from '../src/cli/args.ts';
import { runSpecAsync, runWorkloadAsync, UnsupportedPartError } from '../src/many-tasks/async-reference.ts';
import { idealMs, type ManyTasksFigures, type OneThreadFigures } from '../src/many-tasks/figures.ts';
import { measureManyTasks, sizesUpTo } from '../src/many-tasks/measure-many.ts';
import { runWorkloadOnScheduler } from '../src/many-tasks/scheduler-way.ts';
import { manyTasksWorkload } from '../src/many-tasks/workload.ts';
import type { ExperimentContext } from '../src/experiment/context.ts';

const one = (way: 'scheduler' | 'async', tasks: number, wallMs: number, heapBytes: number, checksum = tasks): OneThreadFigures => ({ way, tasks, wallMs, checksum, heapBytes, rssBytes: heapBytes * 1.2, parkedMs: 1 });

/** Hand-made figures: ideal = 50 ms + tasks * 0.01 ms. The scheduler is within 10% up to 1,000 tasks. */
const figures: ManyTasksFigures = {
  waitMs: 50,
  units: 1,
  usPerUnit: 10,
  threadCap: 8,
  processCap: 2,
  oneThread: [
    one('scheduler', 10, 51, 8000),
    one('async', 10, 50.5, 9000),
    one('scheduler', 1000, 65, 700_000),
    one('async', 1000, 62, 1_000_000),
    one('scheduler', 100_000, 3000, 70_000_000),
    one('async', 100_000, 2000, 100_000_000),
  ],
  threads: [
    { tasks: 1, startMs: 300, runMs: 60, rssBytes: 20_000_000, checksum: 1 },
    { tasks: 8, startMs: 1600, runMs: 70, rssBytes: 132_000_000, checksum: 8 },
  ],
  processes: [
    { tasks: 1, wallMs: 700, startMsMedian: 600, startMsAll: 600, rssBytesMean: 70_000_000, checksum: 1 },
    { tasks: 2, wallMs: 1000, startMsMedian: 800, startMsAll: 900, rssBytesMean: 80_000_000, checksum: 2 },
  ],
};

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
    expect(notes[0]).toMatch(/^One thread held 1,000 waiting tasks within 1\.10x the ideal .*; at 100,000 it took 2\.86x the ideal\. Async functions on Node's loop held 1,000 the same way\.$/);
    expect(notes[1]).toContain('(1.50x, within the 2x target)');
    expect(notes[1]).toContain('(0.70x, within the 2x target)');
    expect(notes[2]).toContain('extrapolated from 8, not measured');
    expect(notes[2]).toContain(`about ${formatBytes(unitCosts(figures).bytesPerThread * 100_000, 'decimal')}`);
    expect(notes.some((n) => n.startsWith('CHECKSUMS DIFFER'))).toBe(false);
  });

  it('puts a checksum warning first when a way did different work', () => {
    const wrong: ManyTasksFigures = { ...figures, oneThread: figures.oneThread.map((o) => (o.way === 'async' && o.tasks === 10 ? { ...o, checksum: 999 } : o)) };
    const rows = manyTasksRows(wrong);
    expect(rows.filter((r) => !r.checksumsIdentical).map((r) => `${r.way} ${r.tasks}`)).toEqual(['async 10']);
    expect(manyTasksNotes(wrong, rows)[0]).toMatch(/^CHECKSUMS DIFFER/);
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
    expect(note).toContain('the cost of an added task grew');
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
    const f = await measureManyTasks({ sizes: [2, 20], threadSizes: [2], processSizes: [2], waitMs: 5, units: 1, repeats: 1, threadCap: 2, processCap: 2, onStage: (label) => stages.push(label) });
    expect(stages).toEqual(['2 tasks on one thread', '20 tasks on one thread', '2 worker threads', '2 processes']);
    const checksumAt2 = f.oneThread.find((o) => o.way === 'scheduler' && o.tasks === 2)!.checksum;
    expect([...f.oneThread.filter((o) => o.tasks === 2), ...f.threads, ...f.processes].map((x) => x.checksum)).toEqual([checksumAt2, checksumAt2, checksumAt2, checksumAt2]);
    expect(f.oneThread.map((o) => `${o.way} ${o.tasks}`)).toEqual(['scheduler 2', 'async 2', 'scheduler 20', 'async 20']);
    // Bytes of a couple of tasks are within the GC's noise: only that they were measured is checked here.
    for (const x of [...f.oneThread.flatMap((o) => [o.heapBytes, o.rssBytes]), f.threads[0]!.rssBytes, f.processes[0]!.rssBytesMean]) expect(Number.isFinite(x)).toBe(true);
    expect(f.processes[0]!.startMsAll).toBeGreaterThanOrEqual(f.processes[0]!.startMsMedian);
    expect(manyTasksRows(f).every((r) => r.checksumsIdentical)).toBe(true);
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
