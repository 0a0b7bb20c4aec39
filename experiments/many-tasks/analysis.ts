import { idealMs, type ManyTasksFigures, type OneThreadFigures } from './figures.ts';
import { impossibleMemoryPerTask } from '../../src/measure/impossible-figures.ts';
import { comparisonBacking, medianOverReference, pairedComparison } from '../../src/experiment/ratio-with-verdict.ts';
import { formatBytes, formatRatio } from '../../src/report/format.ts';
import { IMPOSSIBLE_MARK } from '../../src/report/impossible-notes.ts';

/** Within this factor of the ideal wall time, one thread is said to hold its tasks at no visible cost. */
export const WITHIN_IDEAL = 1.1;

/** One way at one size: measured, or extrapolated from the largest measured size of threads or processes. */
export type ManyTasksRow = {
  readonly way: 'scheduler' | 'async' | 'threads' | 'processes';
  readonly tasks: number;
  readonly measured: boolean;
  readonly wallMs: number;
  readonly idealMs: number;
  readonly overIdeal: number;
  /** Time beyond the ideal, per task, µs. */
  readonly overheadUsPerTask: number;
  /** Heap bytes per parked task (one-thread ways only). */
  readonly heapBytesPerTask?: number;
  readonly rssBytesPerTask: number;
  /**
   * Start-up per task, ms: for threads and processes, all of them started at once until the last was ready,
   * over their number; for the one-thread ways, building the specs until every task had parked, over their number.
   */
  readonly startMsPerTask?: number;
  /**
   * Whether this row's checksum equals the scheduler's at the same size (for a scheduler row: whether every
   * other way run at its size matched it); null where nothing was compared: no scheduler run at that size,
   * no other way at the scheduler's size, or an extrapolated row that ran nothing.
   */
  readonly checksumsIdentical: boolean | null;
  /** Why a figure of this row is impossible (a negative memory delta per task); absent when every figure is possible. */
  readonly impossible?: string;
};

/** The per-thread and per-process costs, from the measured sizes. */
export interface UnitCosts {
  /** RSS per thread: the slope between the smallest and largest pool measured (the pool's fixed part left out). */
  readonly bytesPerThread: number;
  /** A lone lab worker thread, spawn to ready (loaded through tsx, kernel compiled), ms. */
  readonly threadStartMs: number;
  /** Start-up per thread when the largest pool started at once, ms. */
  readonly threadStartMsAtCap: number;
  readonly bytesPerProcess: number;
  readonly processStartMs: number;
  readonly processStartMsAtCap: number;
}

const slope = (points: readonly { tasks: number; bytes: number }[]): number => {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return last.tasks > first.tasks ? (last.bytes - first.bytes) / (last.tasks - first.tasks) : last.bytes / last.tasks;
};

export function unitCosts(f: ManyTasksFigures): UnitCosts {
  const threads = [...f.threads].sort((a, b) => a.tasks - b.tasks);
  const processes = [...f.processes].sort((a, b) => a.tasks - b.tasks);
  const lastThread = threads[threads.length - 1]!;
  const lastProcess = processes[processes.length - 1]!;
  return {
    bytesPerThread: slope(threads.map((t) => ({ tasks: t.tasks, bytes: t.rssBytes }))),
    threadStartMs: threads[0]!.startMs / threads[0]!.tasks,
    threadStartMsAtCap: lastThread.startMs / lastThread.tasks,
    bytesPerProcess: lastProcess.rssBytesMean,
    processStartMs: processes[0]!.startMsMedian,
    processStartMsAtCap: lastProcess.startMsAll / lastProcess.tasks,
  };
}

/** Every measured row, then threads and processes extrapolated to the largest size the one-thread ways reached. */
export function manyTasksRows(f: ManyTasksFigures): ManyTasksRow[] {
  const reference = new Map<number, number>([
    ...(f.schedulerReference ?? []).map((r): [number, number] => [r.tasks, r.checksum]),
    ...f.oneThread.filter((o) => o.way === 'scheduler').map((o): [number, number] => [o.tasks, o.checksum]),
  ]);
  const compared = (tasks: number, checksum: number): boolean | null => {
    const expected = reference.get(tasks);
    return expected === undefined ? null : expected === checksum;
  };
  const row = (way: ManyTasksRow['way'], tasks: number, wallMs: number, extra: Partial<ManyTasksRow> & { rssBytesPerTask: number }, checksumsIdentical: boolean | null): ManyTasksRow => {
    const ideal = idealMs(f, tasks);
    const impossible = [impossibleMemoryPerTask(extra.heapBytesPerTask ?? 0, 'heap per task'), impossibleMemoryPerTask(extra.rssBytesPerTask, 'RSS per task')].filter((r) => r !== undefined);
    return {
      way, tasks, measured: true, wallMs, idealMs: ideal, overIdeal: wallMs / ideal, overheadUsPerTask: ((wallMs - ideal) * 1000) / tasks, checksumsIdentical, ...extra,
      ...(impossible.length > 0 && { impossible: impossible.join('; ') }),
    };
  };
  // Threads and processes, each against the scheduler at its own size.
  const threadRows = f.threads.map((t) => row('threads', t.tasks, t.startMs + t.runMs, { rssBytesPerTask: t.rssBytes / t.tasks, startMsPerTask: t.startMs / t.tasks }, compared(t.tasks, t.checksum)));
  const processRows = f.processes.map((p) => row('processes', p.tasks, p.wallMs, { rssBytesPerTask: p.rssBytesMean, startMsPerTask: p.startMsAll / p.tasks }, compared(p.tasks, p.checksum)));
  const otherRows = [
    ...f.oneThread.filter((o) => o.way !== 'scheduler').map((o) => ({ tasks: o.tasks, same: compared(o.tasks, o.checksum) })),
    ...threadRows.map((r) => ({ tasks: r.tasks, same: r.checksumsIdentical })),
    ...processRows.map((r) => ({ tasks: r.tasks, same: r.checksumsIdentical })),
  ];
  // The scheduler's own row is the reference: it says whether every other way at its size matched it.
  const againstOthers = (tasks: number): boolean | null => {
    const others = otherRows.filter((o) => o.tasks === tasks && o.same !== null);
    return others.length === 0 ? null : others.every((o) => o.same === true);
  };
  const rows: ManyTasksRow[] = f.oneThread.map((o) =>
    row(
      o.way,
      o.tasks,
      o.wallMs,
      { heapBytesPerTask: o.heapBytes / o.tasks, rssBytesPerTask: o.rssBytes / o.tasks, startMsPerTask: o.parkedMs / o.tasks },
      o.way === 'scheduler' ? againstOthers(o.tasks) : compared(o.tasks, o.checksum),
    ),
  );
  const maxN = Math.max(...f.oneThread.map((o) => o.tasks));
  const costs = unitCosts(f);
  const extrapolate = (way: 'threads' | 'processes', perTaskBytes: number, startMsPerTask: number): ManyTasksRow => {
    const wallMs = startMsPerTask * maxN + f.waitMs;
    // Nothing ran at this size, so nothing was compared.
    return { ...row(way, maxN, wallMs, { rssBytesPerTask: perTaskBytes, startMsPerTask }, null), measured: false };
  };
  return [
    ...rows,
    ...threadRows,
    ...processRows,
    extrapolate('threads', costs.bytesPerThread, costs.threadStartMsAtCap),
    extrapolate('processes', costs.bytesPerProcess, costs.processStartMsAtCap),
  ];
}

/** The table's checksum cell: compared and identical, DIFFERENT, not compared, or not run (extrapolated). */
export function checksumCell(r: ManyTasksRow): string {
  if (!r.measured) return 'not run';
  if (r.checksumsIdentical === null) return 'not compared';
  return r.checksumsIdentical ? 'identical' : 'DIFFERENT';
}

/** A memory cell, marked when the row's figures are impossible. */
export function flaggedCell(text: string, r: ManyTasksRow, figure: 'heap' | 'RSS'): string {
  return r.impossible?.includes(`${figure} per task`) ? `${text} ${IMPOSSIBLE_MARK}` : text;
}

/** One sentence per row with an impossible memory figure: what it is, why it cannot be, and what it measured instead. */
export function impossibleMemoryNotes(rows: readonly ManyTasksRow[]): string[] {
  return rows
    .filter((r) => r.impossible !== undefined)
    .map(
      (r) =>
        `IMPOSSIBLE (${IMPOSSIBLE_MARK}): ${r.way} at ${r.tasks.toLocaleString('en-US')} task${r.tasks === 1 ? '' : 's'}: ${r.impossible}. This is not a finding: ` +
        'the child process\'s resident set (or heap) shrank between its two readings, as the garbage collector or the allocator handed pages back to the system, ' +
        'and that outweighed what so few tasks hold. Read memory per task at the larger sizes.',
    );
}

/** The largest size up to which every size the scheduler ran stayed within 10% of the ideal (0 if even the smallest did not). */
export function maxTasksWithinIdeal(f: ManyTasksFigures, way: 'scheduler' | 'async' = 'scheduler'): number {
  let held = 0;
  for (const o of oneWay(f, way)) {
    if (o.wallMs > WITHIN_IDEAL * idealMs(f, o.tasks)) break;
    held = o.tasks;
  }
  return held;
}

export function oneWay(f: ManyTasksFigures, way: 'scheduler' | 'async'): OneThreadFigures[] {
  return f.oneThread.filter((o) => o.way === way).sort((a, b) => a.tasks - b.tasks);
}

/** Milliseconds for sentences: 0.42 ms, 87 ms, 1.3 s, 4.2 min. */
export function formatDuration(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(0)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** The sentences under the table, each from the figures. */
export function manyTasksNotes(f: ManyTasksFigures, rows: readonly ManyTasksRow[]): string[] {
  const scheduler = oneWay(f, 'scheduler');
  const asyncWay = oneWay(f, 'async');
  const top = scheduler[scheduler.length - 1]!;
  const topAsync = asyncWay[asyncWay.length - 1]!;
  const held = maxTasksWithinIdeal(f);
  const next = scheduler.find((o) => o.tasks > held);
  const costs = unitCosts(f);
  const timeRatio = top.wallMs / topAsync.wallMs;
  const memoryRatio = top.heapBytes / topAsync.heapBytes;
  const verdict = (r: number): string => (r <= 2 ? 'within' : 'over');
  const notes: string[] = [];
  if (rows.some((r) => r.checksumsIdentical === false)) notes.push('CHECKSUMS DIFFER: some way did different work from the scheduler at the same size; its figures mean nothing until that is fixed.');
  notes.push(...impossibleMemoryNotes(rows));
  const againstIdeal = (o: OneThreadFigures): string => medianOverReference(o.runsMs, o.wallMs, idealMs(f, o.tasks));
  notes.push(
    held === 0
      ? `No size stayed within ${formatRatio(WITHIN_IDEAL)} the ideal (a ${f.waitMs} ms wait plus the CPU work); the smallest, ${scheduler[0]!.tasks} tasks, took ${againstIdeal(scheduler[0]!)} it.`
      : `One thread held ${held.toLocaleString('en-US')} waiting tasks within ${formatRatio(WITHIN_IDEAL)} the ideal wall time (the ${f.waitMs} ms wait plus ${f.units} kernel unit${f.units === 1 ? '' : 's'} of CPU work a task, back to back; ` +
          `${againstIdeal(scheduler.find((o) => o.tasks === held)!)} at ${held.toLocaleString('en-US')})` +
          (next === undefined ? ', up to the largest size measured' : `; at ${next.tasks.toLocaleString('en-US')} it took ${againstIdeal(next)} the ideal`) +
          `. Async functions on Node's loop held ${maxTasksWithinIdeal(f, 'async').toLocaleString('en-US')} the same way.`,
  );
  notes.push(
    `At ${top.tasks.toLocaleString('en-US')} tasks, spawning, parking and waking them on the lab's scheduler (steps not recorded) took ${formatDuration(top.wallMs)} against ${formatDuration(topAsync.wallMs)} for async functions on Node's own loop (${formatRatio(timeRatio)}${timeBacking(top, topAsync).startsWith('[') ? ' ' : ', '}${timeBacking(top, topAsync)}; ${verdict(timeRatio)} the 2x target), ` +
      `and ${formatBytes(top.heapBytes / top.tasks, 'decimal')} of heap a parked task against ${formatBytes(topAsync.heapBytes / topAsync.tasks, 'decimal')} (${formatRatio(memoryRatio)}, one child process each: too few repeats for a verdict (n = 1); ${verdict(memoryRatio)} the 2x target), task specs included in both.`,
  );
  notes.push(
    `A lab worker thread (spawn to ready) took ${formatDuration(costs.threadStartMs)} to start alone and ${formatDuration(costs.threadStartMsAtCap)} each when ${f.threadCap} started at once, and held ${formatBytes(costs.bytesPerThread, 'decimal')} of resident memory. ` +
      `Holding ${top.tasks.toLocaleString('en-US')} waiting tasks as threads would need about ${formatBytes(costs.bytesPerThread * top.tasks, 'decimal')} and ${formatDuration(costs.threadStartMsAtCap * top.tasks)} of start-up on this machine (extrapolated from ${f.threadCap}, not measured; the cap is --max-threads, and memory and start-up time are what limit it), ` +
      `where one thread held them in ${formatBytes(top.heapBytes, 'decimal')} of heap.`,
  );
  notes.push(
    `A process per task cost ${formatBytes(costs.bytesPerProcess, 'decimal')} of resident memory each (shared pages counted in every one) and ${formatDuration(costs.processStartMs)} from fork to ready; ${top.tasks.toLocaleString('en-US')} would need about ${formatBytes(costs.bytesPerProcess * top.tasks, 'decimal')} (extrapolated from ${f.processCap}, the --processes cap).`,
  );
  const steps = marginalCosts(f, scheduler).filter((m) => m.from >= 1000);
  if (steps.length > 0) {
    const first = steps[0]!;
    const last = steps[steps.length - 1]!;
    const growth = last.usPerTask / first.usPerTask;
    const runs = Math.min(...scheduler.filter((o) => o.tasks >= first.from).map((o) => o.runsMs?.length ?? 1));
    notes.push(
      `Cost of each added task beyond the ideal, size to size: ${steps.map((m) => `${m.usPerTask.toFixed(2)} µs from ${m.from.toLocaleString('en-US')} to ${m.to.toLocaleString('en-US')}`).join(', ')}; ` +
        `heap per parked task ${scheduler.filter((o) => o.tasks >= first.from).map((o) => formatBytes(o.heapBytes / o.tasks, 'decimal')).join(', ')}. ` +
        (steps.length < 2
          ? 'One step between sizes shows no trend.'
          : `The timer heap's push and pop are O(log n), log2 n going from ${Math.log2(first.to).toFixed(1)} to ${Math.log2(last.to).toFixed(1)}; ` +
            (first.usPerTask > 0 && last.usPerTask > 0
              ? `the cost of an added task ${growth >= 1 ? 'grew' : 'fell'} ${formatRatio(growth)} over that range, a reading of medians of as few as ${runs} run${runs === 1 ? '' : 's'} a size: too few repeats for a verdict.`
              : 'the time beyond the ideal is too small here to read a trend from.')),
    );
  }
  const uncompared = rows.filter((r) => r.measured && r.checksumsIdentical === null);
  if (uncompared.length > 0) {
    notes.push(`Checksums not compared (no other way ran the same size): ${uncompared.map((r) => `${r.way} at ${r.tasks.toLocaleString('en-US')}`).join(', ')}.`);
  }
  return notes;
}

/** What backs the scheduler's time against async functions at one size: the paired test over their runs (they took turns in each round). */
function timeBacking(scheduler: OneThreadFigures, asyncWay: OneThreadFigures): string {
  if (scheduler.runsMs === undefined || asyncWay.runsMs === undefined) return 'medians only: too few repeats for a verdict';
  return comparisonBacking(pairedComparison(scheduler.runsMs, asyncWay.runsMs));
}

/** Time beyond the ideal added by each task between two consecutive sizes, µs a task. */
export function marginalCosts(f: ManyTasksFigures, sizes: readonly OneThreadFigures[]): { from: number; to: number; usPerTask: number }[] {
  return sizes.slice(1).map((o, i) => {
    const before = sizes[i]!;
    const over = (x: OneThreadFigures): number => x.wallMs - idealMs(f, x.tasks);
    return { from: before.tasks, to: o.tasks, usPerTask: ((over(o) - over(before)) * 1000) / (o.tasks - before.tasks) };
  });
}
