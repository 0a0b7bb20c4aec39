// Figures for the analyses of the experiments that sweep sizes, counts or ways, saved and by hand.
import { asyncIsGenerators } from '../../experiments/async-is-generators/index.ts';
import { dataTransfer, roundTripsAt } from '../../experiments/data-transfer/index.ts';
import type { DataTransferMeasured, SizeMeasured } from '../../experiments/data-transfer/analysis.ts';
import { distributed } from '../../experiments/distributed/index.ts';
import { echoServer, type EchoRow } from '../../experiments/echo-server/index.ts';
import { eventLoopDelay, eventLoopDelayPlan } from '../../experiments/event-loop-delay/index.ts';
import type { EventLoopDelayMeasured } from '../../experiments/event-loop-delay/analysis.ts';
import { granularity, type SizeFigures } from '../../experiments/granularity/index.ts';
import { manyTasks } from '../../experiments/many-tasks/index.ts';
import { scaling, scalingWorkload } from '../../experiments/scaling/index.ts';
import type { ScalingPoint } from '../../experiments/scaling/analysis.ts';
import { threadsVsProcesses } from '../../experiments/threads-vs-processes/index.ts';
import type { ThreadsVsProcessesFigures } from '../../experiments/threads-vs-processes/analysis.ts';
import type { EchoRun, EchoServerKind } from '../../experiments/echo-server/echo.ts';
import { puddingFigures, wayUnderLoad } from './hand-made-figures.ts';
import type { ManyTasksFigures, OneThreadFigures } from '../../experiments/many-tasks/figures.ts';
import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import { DEFAULT_SLICE_MS, STEPS_PER_CLOCK_READ } from '../../src/scheduler/index.ts';
import { contextOf, saved, savedAndFewer, tinyContext, type AnalysedCase } from './saved-reference-figures.ts';

/** Rows of a sweep grouped by task size, smallest first. */
function bySize<R extends { readonly unitsPerTask: number; readonly tasks: number }>(rows: readonly R[]): { unitsPerTask: number; tasks: number; rows: R[] }[] {
  const sizes = [...new Set(rows.map((r) => r.unitsPerTask))].sort((a, b) => a - b);
  return sizes.map((unitsPerTask) => {
    const of = rows.filter((r) => r.unitsPerTask === unitsPerTask);
    return { unitsPerTask, tasks: of[0]!.tasks, rows: of };
  });
}

type SweepRow = ModeComparison & { readonly unitsPerTask: number; readonly tasks: number; readonly untracedMedianMs?: number };

export function granularityCases(): AnalysedCase[] {
  return savedAndFewer('granularity', (rows, file) => {
    const figures: SizeFigures[] = bySize(rows as SweepRow[]).map((s) => {
      const untraced = s.rows.find((r) => r.mode === 'parallel')?.untracedMedianMs;
      return { unitsPerTask: s.unitsPerTask, tasks: s.tasks, rows: s.rows, ...(untraced !== undefined && { untracedParallelMs: untraced }) };
    });
    const low = file.facts.parallelSpeedupVsPiscinaLow;
    const high = file.facts.parallelSpeedupVsPiscinaHigh;
    const speedupVsPiscina = typeof low === 'number' && typeof high === 'number' ? { low, high, coverage: 0.95, method: 'paired rounds' as const } : undefined;
    const plan = { totalUnits: Number(file.settings.totalUnits), sizes: figures.map((f) => f.unitsPerTask) };
    return granularity.analyse({ plan, figures, speedupVsPiscina }, contextOf(file));
  });
}

export function scalingCases(): AnalysedCase[] {
  const file = saved('scaling');
  const points = (n: number): ScalingPoint[] =>
    file.rows.map((r) => {
      const samples = (r.samples as ScalingPoint['samples'])!.slice(0, n);
      return { ...(r as unknown as ScalingPoint), samples };
    });
  const maxThreads = Math.max(...file.rows.map((r) => Number(r.threads)));
  const measured = (n: number): Parameters<typeof scaling.analyse>[0] => ({ workload: scalingWorkload(file.settings.quick === true, maxThreads), maxThreads, points: points(n), reference: [] });
  return [
    { figures: 'saved reference', analyse: () => scaling.analyse(measured(Infinity), contextOf(file)) },
    { figures: 'saved reference, first 3 rounds', analyse: () => scaling.analyse(measured(3), { ...contextOf(file), repeats: 3 }) },
  ];
}

export function distributedCases(): AnalysedCase[] {
  return savedAndFewer('distributed', (rows, file) => {
    const sizes = bySize(rows as SweepRow[]);
    const oneThread = { switchNs: Number(file.facts.switchNs), awaitHopNs: Number(file.facts.awaitHopNs) };
    const plan = { totalUnits: Number(file.settings.totalUnits), sizes: sizes.map((s) => s.unitsPerTask) };
    return distributed.analyse({ plan, workers: Number(file.settings.workers), redis: String(file.settings.redis), oneThread, sizes, queueWorkers: [] }, contextOf(file));
  });
}

/** The echo runs a saved row summarises, one per kept sample (their latencies and costs are the row's medians). */
function echoRuns(row: EchoRow, rounds: number): EchoRun[] {
  return row.samples!.slice(0, rounds).map((s) => ({
    kind: row.kind,
    serverThreads: row.serverThreads,
    load: { messages: row.messages, bytesSent: row.bytesSent, bytesEchoed: row.bytesEchoed, wallMs: (1000 * row.messages) / s.messagesPerSecond, socketsClosed: Number(saved('echo-server').settings.clients) },
    messagesPerSecond: s.messagesPerSecond,
    latency: { p50: row.p50Ms, p99: row.p99Ms, max: row.maxMs },
    servers: [{ kind: row.kind, connections: 1, bytesEchoed: row.bytesEchoed, openSockets: 0, listening: false, busyMs: (row.busyUsPerMessage * row.messages) / 1000, cpuMs: row.cpuUsPerMessage === null ? undefined : (row.cpuUsPerMessage * row.messages) / 1000 }],
  }));
}

export function echoServerCases(): AnalysedCase[] {
  const file = saved('echo-server');
  const rows = file.rows as unknown as EchoRow[];
  const size = { clients: Number(file.settings.clients), messages: Number(file.settings.messages), messageBytes: Number(file.settings.messageBytes), timeoutMs: Number(file.settings.timeoutMs) };
  const measured = (n: number): Parameters<typeof echoServer.analyse>[0] => ({
    size,
    warmups: Number(file.settings.warmups),
    serverThreads: Number(file.settings.serverThreads),
    runs: new Map(rows.map((r): [EchoServerKind, EchoRun[]] => [r.kind, echoRuns(r, n)])),
  });
  return [
    { figures: 'saved reference', analyse: () => echoServer.analyse(measured(Infinity), { ...contextOf(file), repeats: Number(file.settings.repeats) }) },
    { figures: 'saved reference, first 3 rounds', analyse: () => echoServer.analyse(measured(3), { ...contextOf(file), repeats: 3 }) },
  ];
}

/** Round trips spread ±2% around a saved median, as many as the experiment times at that size: the saved result keeps medians only. */
const tripsAround = (us: number, count: number): number[] => Array.from({ length: count }, (_, i) => us * (1 + (0.04 * (i - (count - 1) / 2)) / Math.max(1, count - 1)));

export function dataTransferCases(): AnalysedCase[] {
  const file = saved('data-transfer');
  const sizes: SizeMeasured[] = file.rows.map((r) => {
    const n = (key: string): number => Number(r[key]);
    const count = roundTripsAt(n('bytes'), file.settings.quick === true);
    return {
      samplesUs: { object: tripsAround(n('objectUs'), count), clone: tripsAround(n('cloneUs'), count), transfer: tripsAround(n('transferUs'), count), shared: tripsAround(n('sharedUs'), count) },
      bytes: n('bytes'),
      objectBytes: n('objectBytes'),
      records: n('records'),
      roundTripUs: { object: n('objectUs'), clone: n('cloneUs'), transfer: n('transferUs'), shared: n('sharedUs') },
      objectSerialise: { serialiseUs: n('objectSerialiseUs'), deserialiseUs: n('objectDeserialiseUs'), bytes: n('objectBytes') },
      cloneSerialise: { serialiseUs: n('cloneSerialiseUs'), deserialiseUs: n('cloneDeserialiseUs'), bytes: n('bytes') },
      acksOk: r.acksOk === true,
    };
  });
  const standaloneRoundTripUs = 20;
  const view = {
    viewBytes: Number(file.facts.viewBytes),
    bufferBytes: Number(file.facts.viewReceivedBufferBytes),
    receivedBufferBytes: Number(file.facts.viewReceivedBufferBytes),
    viewRoundTripUs: Number(file.facts.viewOverStandalone) * standaloneRoundTripUs,
    standaloneRoundTripUs,
    viewSerializedBytes: Number(file.facts.viewBytes) + 6,
    samplesUs: { view: tripsAround(Number(file.facts.viewOverStandalone) * standaloneRoundTripUs, 3), standalone: tripsAround(standaloneRoundTripUs, 3) },
  };
  const fromSaved: DataTransferMeasured = { sizes, view, kernelUsPerUnit: Number(file.facts.kernelUsPerUnit) };
  const trips = (us: number): number[] => Array.from({ length: 15 }, (_, i) => us + (i % 5) - 2);
  const byHand = (bytes: number, us: SizeMeasured['roundTripUs']): SizeMeasured => {
    const cost = { serialiseUs: us.object / 3, deserialiseUs: us.object / 3, bytes };
    const samplesUs = { object: trips(us.object), clone: trips(us.clone), transfer: trips(us.transfer), shared: trips(us.shared) };
    return { bytes, objectBytes: bytes, records: bytes / 32, roundTripUs: us, samplesUs, objectSerialise: cost, cloneSerialise: cost, acksOk: true };
  };
  const handMade: DataTransferMeasured = {
    kernelUsPerUnit: 5,
    view: { viewBytes: 1024, bufferBytes: 1 << 20, receivedBufferBytes: 1 << 20, viewRoundTripUs: 400, standaloneRoundTripUs: 20, viewSerializedBytes: 1030, samplesUs: { view: trips(400), standalone: trips(20) } },
    sizes: [byHand(1024, { object: 50, clone: 20, transfer: 30, shared: 20 }), byHand(16384, { object: 400, clone: 25, transfer: 24, shared: 20 }), byHand(262144, { object: 4000, clone: 200, transfer: 30, shared: 21 })],
  };
  return [
    { figures: 'saved reference medians, round trips spread around them', analyse: () => dataTransfer.analyse(fromSaved, contextOf(file)) },
    { figures: 'by hand', analyse: () => dataTransfer.analyse(handMade, tinyContext()) },
    { figures: 'by hand, transfer never wins', analyse: () => dataTransfer.analyse({ ...handMade, sizes: [byHand(1024, { object: 50, clone: 20, transfer: 30, shared: 20 }), byHand(4096, { object: 60, clone: 21, transfer: 31, shared: 20 })] }, tinyContext()) },
  ];
}

export function eventLoopDelayCases(): AnalysedCase[] {
  const way = wayUnderLoad;

  const hundred = (ms: number, spread = 0): number[] => Array.from({ length: 100 }, (_, i) => (i === 99 ? ms : 1 + (spread * i) / 100));
  const measured = (offloaded: number[], fewerInline = false): EventLoopDelayMeasured => ({
    plan: eventLoopDelayPlan(true), sliceMs: DEFAULT_SLICE_MS, stepsPerClockRead: STEPS_PER_CLOCK_READ, kernelUsPerUnit: 10, units: 500, partUnits: 12, checksum: 1, poolThreads: 2,
    ways: {
      inline: way('inline', fewerInline ? hundred(80).slice(0, 60) : hundred(80, 2), { samples: 20, gapMs: 80 }),
      interleaved: way('interleaved', hundred(12, 1)),
      offloaded: way('offloaded', offloaded, { poolTasks: 10 }),
      batched: way('batched', hundred(6), { poolTasks: 5 }),
    },
  });
  return [
    { figures: 'by hand: offloading brings the cheap route back', analyse: () => eventLoopDelay.analyse(measured(hundred(4)), tinyContext()) },
    { figures: 'by hand: inline answered fewer, offloading did not hold', analyse: () => eventLoopDelay.analyse(measured(hundred(40, 3), true), tinyContext()) },
  ];
}

export function asyncIsGeneratorsCases(): AnalysedCase[] {
  const figures = puddingFigures();
  return [{ figures: 'by hand', analyse: () => asyncIsGenerators.analyse(figures, tinyContext()) }];
}

/** many-tasks: the saved reference's rows turned back into figures (checksums all equal, sizes as run), and by hand. */
export function manyTasksCases(): AnalysedCase[] {
  const file = saved('many-tasks');
  const rows = file.rows as unknown as { way: string; tasks: number; measured: boolean; wallMs: number; heapBytesPerTask?: number; rssBytesPerTask: number; startMsPerTask?: number }[];
  const measured = rows.filter((r) => r.measured);
  const oneThread: OneThreadFigures[] = measured
    .filter((r) => r.way === 'scheduler' || r.way === 'async')
    .map((r) => ({ way: r.way as 'scheduler' | 'async', tasks: r.tasks, wallMs: r.wallMs, checksum: 7, heapBytes: r.heapBytesPerTask! * r.tasks, rssBytes: r.rssBytesPerTask * r.tasks, parkedMs: r.startMsPerTask! * r.tasks }));
  const threads = measured.filter((r) => r.way === 'threads').map((r) => ({ tasks: r.tasks, startMs: r.startMsPerTask! * r.tasks, runMs: r.wallMs - r.startMsPerTask! * r.tasks, rssBytes: r.rssBytesPerTask * r.tasks, checksum: 7 }));
  const processes = measured.filter((r) => r.way === 'processes').map((r) => ({ tasks: r.tasks, wallMs: r.wallMs, startMsMedian: r.startMsPerTask!, startMsAll: r.startMsPerTask! * r.tasks, rssBytesMean: r.rssBytesPerTask, checksum: 7 }));
  const fromSaved: ManyTasksFigures = {
    waitMs: Number(file.settings.waitMs), units: Number(file.settings.unitsPerTask), usPerUnit: Number(file.settings.kernelUsPerUnit), threadCap: Number(file.settings.maxThreads), processCap: Number(file.settings.processes),
    oneThread, threads, processes,
    schedulerReference: [...new Set([...threads, ...processes].map((t) => t.tasks))].filter((n) => !oneThread.some((o) => o.tasks === n)).map((tasks) => ({ tasks, checksum: 7 })),
  };
  const one = (way: 'scheduler' | 'async', tasks: number, wallMs: number, heapBytes: number): OneThreadFigures => ({ way, tasks, wallMs, runsMs: [wallMs - 1, wallMs, wallMs + 1], checksum: tasks, heapBytes, rssBytes: heapBytes * 1.2, parkedMs: 1 });
  const handMade: ManyTasksFigures = {
    waitMs: 50, units: 1, usPerUnit: 10, threadCap: 8, processCap: 2,
    oneThread: [one('scheduler', 10, 51, 8000), one('async', 10, 50.5, 9000), one('scheduler', 1000, 65, 700_000), one('async', 1000, 62, 1_000_000), one('scheduler', 100_000, 3000, 70_000_000), one('async', 100_000, 2000, 100_000_000)],
    threads: [{ tasks: 1, startMs: 300, runMs: 60, rssBytes: 20_000_000, checksum: 1 }, { tasks: 8, startMs: 1600, runMs: 70, rssBytes: 132_000_000, checksum: 8 }],
    processes: [{ tasks: 1, wallMs: 700, startMsMedian: 600, startMsAll: 600, rssBytesMean: 70_000_000, checksum: 1 }, { tasks: 2, wallMs: 1000, startMsMedian: 800, startMsAll: 900, rssBytesMean: 80_000_000, checksum: 2 }],
  };
  return [
    { figures: 'saved reference (medians only)', analyse: () => manyTasks.analyse(fromSaved, contextOf(file)) },
    { figures: 'by hand, three runs a size', analyse: () => manyTasks.analyse(handMade, tinyContext()) },
    { figures: 'by hand, seven runs a size', analyse: () => manyTasks.analyse({ ...handMade, oneThread: handMade.oneThread.map((o) => ({ ...o, runsMs: [0, 1, 2, 3, 4, 5, 6].map((d) => o.wallMs + d) })) }, tinyContext()) },
  ];
}

/** threads-vs-processes keeps no raw figures in its saved result: by hand, with three rounds and with seven. */
export function threadsVsProcessesCases(): AnalysedCase[] {
  const row = (mode: ModeComparison['mode'], threads: number, wall: readonly number[]): ModeComparison => {
    const medianMs = [...wall].sort((a, b) => a - b)[wall.length >> 1]!;
    return {
      workload: 'cpu', mode, threads, repeats: wall.length, medianMs, meanMs: medianMs, minMs: Math.min(...wall), maxMs: Math.max(...wall), sdMs: 0, rsd: 0, noisy: false,
      speedup: 100 / medianMs, medianLowMs: medianMs, medianHighMs: medianMs, medianCoverage: 0.75, meanCi95Ms: 0, outlierRounds: [], speedupLow: 100 / medianMs, speedupHigh: 100 / medianMs,
      speedupMethod: 'paired rounds', verdict: mode === 'sequential' ? { state: 'same', n: wall.length, p: 1 } : wall.length < 6 ? { state: 'too-few', n: wall.length } : { state: 'faster', n: wall.length, p: 0.015625 },
      efficiency: 100 / medianMs / threads, checksumOk: true, checksum: 1, baseline: 'sequential', samples: wall.map((wallMs, i) => ({ round: i + 1, wallMs })),
    };
  };
  const seven = (ms: number, wobble: readonly number[] = [0, 1, -1, 2, -2, 0.5, -0.5]): number[] => wobble.map((d) => ms + d);
  const figures = (rounds: 3 | 7, processesMs: number, startUps = rounds): ThreadsVsProcessesFigures => {
    const times = (ms: number): number[] => (startUps === 3 ? [ms, ms + 10, ms - 10] : seven(ms));
    return {
      threads: 2, processes: 2, tasks: 8, startedPerRound: 2,
      startUps: { thread: { bare: times(40), tsx: times(70), lab: times(100) }, process: { bare: times(100), tsx: times(300), lab: times(400) } },
      roundTripUs: { thread: Array.from({ length: 40 }, (_, i) => 20 + (i % 5)), process: Array.from({ length: 40 }, (_, i) => 80 + (i % 5)) },
      rows: rounds === 3 ? [row('sequential', 1, [100, 101, 99]), row('parallel', 2, [50, 51, 49]), row('processes', 2, [55, 56, 54])] : [row('sequential', 1, seven(100)), row('parallel', 2, seven(50, [0, 0, 0, 0, 0, 0, 0])), row('processes', 2, seven(processesMs))],
      crash: { processes: 2, ended: 1, survived: 1, message: 'task "crash" ended its process', replaceMs: 420 },
    };
  };
  return [
    { figures: 'by hand, 3 rounds', analyse: () => threadsVsProcesses.analyse(figures(3, 55), tinyContext()) },
    { figures: 'by hand, 7 rounds, processes slower', analyse: () => threadsVsProcesses.analyse(figures(7, 55), tinyContext()) },
    { figures: 'by hand, 7 rounds, no measurable difference', analyse: () => threadsVsProcesses.analyse(figures(7, 50), tinyContext()) },
  ];
}
