import { defineExperiment } from '../../src/experiment/define.ts';
import type { ManyTasksFigures } from './figures.ts';
import { measureManyTasks, sizesUpTo } from './measure-many.ts';
import type { NamedFacts } from '../../src/report/experiment-result.ts';
import { formatBytes, formatRatio } from '../../src/report/format.ts';
import type { LineSeries } from '../../src/draw/index.ts';
import { checksumCell, flaggedCell, manyTasksNotes, manyTasksRows, maxTasksWithinIdeal, oneWay, unitCosts, type ManyTasksRow } from './analysis.ts';

/** Each task waits this long on a timer, then computes one kernel unit. */
const WAIT_MS = 50;
const UNITS = 1;

export type ManyTasksFacts = NamedFacts<'maxTasks' | 'bytesPerTaskScheduler' | 'bytesPerTaskAsync' | 'rssBytesPerTaskScheduler' | 'rssBytesPerTaskAsync' | 'bytesPerThread' | 'threadStartMs' | 'bytesPerProcess' | 'processStartMs' | 'maxTasksWithinIdeal' | 'schedulerVsAsyncTimeAtMaxN' | 'schedulerVsAsyncMemoryAtMaxN'>;

/** The settings its result states beyond the common ones. */
type ManyTasksSettings = { waitMs: number; unitsPerTask: number; maxThreads: number; processes: number; kernelUsPerUnit: number };

export const manyTasks = defineExperiment<ManyTasksFigures, ManyTasksRow, ManyTasksFacts, ManyTasksSettings>('many-tasks', {
  comparable: ['quick', 'waitMs', 'unitsPerTask', 'maxThreads', 'processes'],
  question: 'How many waiting tasks can one thread hold, and what does each cost against a thread or a process per task?',
  about: 'N tasks (10 up to 1,000,000) each wait on a timer then compute a little: on the lab\'s scheduler, as async functions, a thread per task and a process per task (up to caps); wall time, memory and start-up per task.',
  // At most 64 threads and 16 processes started one per task, unless --max-threads and --processes say otherwise.
  defaults: { repeats: 3, quickRepeats: 1, maxThreads: () => 64, processes: () => 16 },

  async measure(kit) {
    const { quick, signal, onProgress } = kit.context;
    const threadCap = Math.min(kit.context.maxThreads, quick ? 16 : 256);
    const processCap = Math.min(kit.context.processes, quick ? 4 : 256);
    return measureManyTasks({
      sizes: sizesUpTo(quick ? 100_000 : 1_000_000),
      threadSizes: [...new Set([1, ...sizesUpTo(threadCap).filter((n) => quick ? n === threadCap : true)])],
      processSizes: [...new Set([1, processCap])],
      waitMs: WAIT_MS,
      units: UNITS,
      repeats: kit.context.repeats,
      threadCap,
      processCap,
      signal,
      onStage: (label, index, of) => onProgress({ label, phase: 'measure', repeat: index + 1, of }),
    });
  },

  analyse(figures) {
    const rows = manyTasksRows(figures);
    const scheduler = oneWay(figures, 'scheduler');
    const asyncWay = oneWay(figures, 'async');
    const top = scheduler[scheduler.length - 1]!;
    const topAsync = asyncWay[asyncWay.length - 1]!;
    const costs = unitCosts(figures);
    const cell = (value: number | undefined, text: (v: number) => string): string => (value === undefined ? '-' : text(value));
    return {
      settings: { waitMs: figures.waitMs, unitsPerTask: figures.units, maxThreads: figures.threadCap, processes: figures.processCap, kernelUsPerUnit: Number(figures.usPerUnit.toFixed(3)) },
      tables: [
        {
          title: `many-tasks: N tasks, each a ${figures.waitMs} ms timer wait then ${figures.units} kernel unit (ideal: the wait plus all CPU work back to back)`,
          head: ['way', 'tasks', 'wall ms', 'ideal ms', 'x ideal', 'µs/task over ideal', 'heap/task', 'RSS/task', 'start ms/task', 'checksums'],
          rows: rows.map((r) => [
            r.measured ? r.way : `${r.way} (extrapolated)`,
            r.tasks.toLocaleString('en-US'),
            r.wallMs.toFixed(r.wallMs < 100 ? 1 : 0),
            r.idealMs.toFixed(r.idealMs < 100 ? 1 : 0),
            formatRatio(r.overIdeal),
            r.overheadUsPerTask.toFixed(2),
            cell(r.heapBytesPerTask, (bytes) => flaggedCell(formatBytes(bytes, 'decimal'), r, 'heap')),
            flaggedCell(formatBytes(r.rssBytesPerTask, 'decimal'), r, 'RSS'),
            cell(r.startMsPerTask, (v) => (v < 0.01 ? v.toFixed(5) : v.toFixed(2))),
            checksumCell(r),
          ]),
        },
      ],
      rows,
      facts: {
        maxTasks: top.tasks,
        bytesPerTaskScheduler: top.heapBytes / top.tasks,
        bytesPerTaskAsync: topAsync.heapBytes / topAsync.tasks,
        rssBytesPerTaskScheduler: top.rssBytes / top.tasks,
        rssBytesPerTaskAsync: topAsync.rssBytes / topAsync.tasks,
        bytesPerThread: costs.bytesPerThread,
        threadStartMs: costs.threadStartMs,
        bytesPerProcess: costs.bytesPerProcess,
        processStartMs: costs.processStartMs,
        maxTasksWithinIdeal: maxTasksWithinIdeal(figures),
        schedulerVsAsyncTimeAtMaxN: top.wallMs / topAsync.wallMs,
        schedulerVsAsyncMemoryAtMaxN: top.heapBytes / topAsync.heapBytes,
      },
      notes: manyTasksNotes(figures, rows),
      lineCharts: [
        { title: 'many-tasks: memory per task', xLabel: 'tasks held at once', yLabel: 'bytes per task', series: seriesOf(rows, (r) => r.heapBytesPerTask ?? r.rssBytesPerTask, true) },
        { title: 'many-tasks: wall time', xLabel: 'tasks', yLabel: 'wall time (ms)', series: [...seriesOf(rows, (r) => r.wallMs), { label: 'ideal', points: scheduler.map((o) => ({ x: o.tasks, y: rows.find((r) => r.tasks === o.tasks)!.idealMs })) }] },
      ],
    };
  },
});

/** One series per way: measured points solid, the extrapolated point of threads and processes dashed. */
function seriesOf(rows: readonly ManyTasksRow[], value: (r: ManyTasksRow) => number, memory = false): LineSeries[] {
  const what = (kind: string): string => (memory ? ` (${kind})` : '');
  const names = { scheduler: `lab's scheduler${what('heap')}`, async: `async functions${what('heap')}`, threads: `a thread per task${what('RSS')}`, processes: `a process per task${what('RSS')}` } as const;
  return (['scheduler', 'async', 'threads', 'processes'] as const).map((way) => {
    // An impossible (negative) memory figure is flagged in the notes, not drawn as a point.
    const of = rows.filter((r) => r.way === way && !(memory && value(r) < 0)).sort((a, b) => a.tasks - b.tasks);
    return {
      label: names[way],
      points: of.filter((r) => r.measured).map((r) => ({ x: r.tasks, y: value(r) })),
      extrapolated: of.filter((r) => !r.measured).map((r) => ({ x: r.tasks, y: value(r) })),
    };
  });
}
