import { percentile } from '../../src/measure/percentile.ts';
import type { Analysis } from '../../src/experiment/define.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import { expensiveWays, type BatchPolicy, type ExpensiveWayName, type LoadShape, type WayUnderLoad } from './http-load.ts';
import { GAP_TIMER_MS, LOOP_DELAY_RESOLUTION_MS } from './loop-watch.ts';
import { formatCount, formatMs, formatPercent, formatRatio } from '../../src/report/format.ts';
import { formatP } from '../../src/report/interval-text.ts';
import { mannWhitneyOver } from '../../src/experiment/ratio-with-verdict.ts';
import { unpairedVerdict } from '../../src/measure/verdict.ts';

/** Milliseconds of kernel work per expensive request, and the load put on both routes. */
export interface EventLoopDelayPlan {
  readonly workMs: number;
  /** Between two yields of the interleaved way, ms of kernel work. */
  readonly partMs: number;
  readonly batch: BatchPolicy;
  readonly shape: Omit<LoadShape, 'expectedChecksum'>;
}

/** What `measure` hands to `analyse`: the plan, the calibration, and every way under its load. */
export interface EventLoopDelayMeasured {
  readonly plan: EventLoopDelayPlan;
  readonly sliceMs: number;
  readonly stepsPerClockRead: number;
  readonly kernelUsPerUnit: number;
  readonly units: number;
  readonly partUnits: number;
  readonly checksum: number;
  readonly poolThreads: number;
  readonly ways: Readonly<Record<ExpensiveWayName, WayUnderLoad>>;
}

/** The cheap route's p99 with work offloaded should be at most this share of inline's. */
export const TARGET_OFFLOADED_OVER_INLINE = 0.2;

/** One way of serving the expensive route, as `--json` carries it. */
export type EventLoopDelayRow = {
  readonly way: ExpensiveWayName;
  readonly cheapRequests: number;
  readonly cheapP50Ms: number;
  readonly cheapP99Ms: number;
  readonly cheapMaxMs: number;
  readonly expensiveAnswered: number;
  readonly expensivePerSecond: number;
  /** Answers whose body was not the kernel's checksum, and failed requests, on both routes. */
  readonly mismatches: number;
  readonly errors: number;
  readonly poolTasks: number;
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  readonly loopDelaySamples: number;
  readonly loopGapMaxMs: number;
  readonly loopBlockedMs: number;
  readonly eventLoopUtilisation: number;
  readonly serverCpuMs: number | null;
  readonly clientCpuMs: number;
  /** The load process's CPU time over its wall time: the share of one core the client took. */
  readonly clientCpuShare: number;
  readonly cutShort: boolean;
};

export type EventLoopDelayFacts = {
  readonly workMs: number;
  readonly sliceMs: number;
  readonly partMs: number;
  /** How long the interleaved way may hold the main thread: a slice, plus the steps until the scheduler next reads its clock. */
  readonly interleavedBoundMs: number;
  readonly kernelUsPerUnit: number;
  readonly inlineP99Ms: number;
  readonly interleavedP99Ms: number;
  readonly offloadedP99Ms: number;
  readonly batchedP99Ms: number;
  readonly offloadedP99OverInline: number;
  readonly interleavedP99OverInline: number;
  readonly batchedP99OverInline: number;
  readonly loopDelayResolutionMs: number;
  readonly maxClientCpuShare: number;
};

function rowOf(way: ExpensiveWayName, { server, load }: WayUnderLoad): EventLoopDelayRow {
  const sorted = Float64Array.from(load.cheapLatencyMs).sort();
  const at = (p: number): number => (sorted.length === 0 ? Number.NaN : percentile(sorted, p));
  return {
    way,
    cheapRequests: sorted.length,
    cheapP50Ms: at(50),
    cheapP99Ms: at(99),
    cheapMaxMs: at(100),
    expensiveAnswered: load.expensive.completed,
    expensivePerSecond: load.expensive.completed / (load.expensive.durationMs / 1000),
    mismatches: load.cheap.mismatches + load.expensive.mismatches,
    errors: load.cheap.errors + load.expensive.errors + load.cheap.non2xx + load.expensive.non2xx,
    poolTasks: server.poolTasks,
    loopDelayP99Ms: server.loop.delayP99Ms,
    loopDelayMaxMs: server.loop.delayMaxMs,
    loopDelaySamples: server.loop.delaySamples,
    loopGapMaxMs: server.loop.gapMaxMs,
    loopBlockedMs: server.loop.blockedMs,
    eventLoopUtilisation: server.loop.utilisation,
    serverCpuMs: server.serverCpuMs ?? null,
    clientCpuMs: load.clientCpuMs,
    clientCpuShare: load.clientCpuMs / load.wallMs,
    cutShort: load.cutShort,
  };
}

/** Percentiles drawn on the chart, as shares; the largest sample is added at 1 - 1/n. */
const CHART_QUANTILES = [0.5, 0.75, 0.9, 0.95, 0.98, 0.99];

/** The cheap route's latency by percentile, HdrHistogram style: x = 1 / (1 - q), so that 90%, 99%, 99.9% are equally spaced. */
function percentileLine(latencyMs: readonly number[]): { x: number; y: number }[] {
  const sorted = Float64Array.from(latencyMs).sort();
  if (sorted.length < 2) return [];
  const top = 1 - 1 / sorted.length;
  const points = CHART_QUANTILES.filter((q) => q < top).map((q) => ({ x: 1 / (1 - q), y: percentile(sorted, q * 100) }));
  return [...points, { x: sorted.length, y: sorted[sorted.length - 1]! }];
}

function formatQuantileTick(x: number): string {
  const share = (1 - 1 / x) * 100;
  return x <= 1 ? '0%' : `${Number(share.toPrecision(4))}%`;
}

const ms = (value: number): string => (Number.isFinite(value) ? formatMs(value) : '-');

/** The settings its result states beyond the common ones. */
export type EventLoopDelaySettings = { work: string; load: string; interleaved: string; batched: string; pool: string; rounds: string };

/** Tables, facts and sentences, from the measured ways alone. */
export function analyseEventLoopDelay(measured: EventLoopDelayMeasured, context: ExperimentContext): Analysis<EventLoopDelayRow, EventLoopDelayFacts, EventLoopDelaySettings> {
  const { plan, sliceMs } = measured;
  const rows = expensiveWays.map((way) => rowOf(way, measured.ways[way]));
  const by = (way: ExpensiveWayName): EventLoopDelayRow => rows.find((r) => r.way === way)!;
  const [inline, interleaved, offloaded, batched] = [by('inline'), by('interleaved'), by('offloaded'), by('batched')];
  const partMs = (measured.partUnits * measured.kernelUsPerUnit) / 1000;
  const facts: EventLoopDelayFacts = {
    workMs: plan.workMs,
    sliceMs,
    partMs,
    interleavedBoundMs: sliceMs + measured.stepsPerClockRead * partMs,
    kernelUsPerUnit: measured.kernelUsPerUnit,
    inlineP99Ms: inline.cheapP99Ms,
    interleavedP99Ms: interleaved.cheapP99Ms,
    offloadedP99Ms: offloaded.cheapP99Ms,
    batchedP99Ms: batched.cheapP99Ms,
    offloadedP99OverInline: offloaded.cheapP99Ms / inline.cheapP99Ms,
    interleavedP99OverInline: interleaved.cheapP99Ms / inline.cheapP99Ms,
    batchedP99OverInline: batched.cheapP99Ms / inline.cheapP99Ms,
    loopDelayResolutionMs: LOOP_DELAY_RESOLUTION_MS,
    maxClientCpuShare: Math.max(...rows.map((r) => r.clientCpuShare)),
  };
  const shape = plan.shape;
  return {
    settings: {
      work: `${plan.workMs} ms of kernel work per expensive request (${measured.units} units at ${measured.kernelUsPerUnit.toFixed(2)} µs, calibrated on the main thread in this run)`,
      load: `${shape.expensiveRequests} expensive requests on ${shape.expensiveConnections} connections, cheap requests at ${shape.cheapRate}/s on ${shape.cheapConnections} until the expensive ones are answered; at most ${shape.maxMs} ms`,
      interleaved: `parts of ${measured.partUnits} units (${formatMs(partMs)} ms); the scheduler's time slice is ${sliceMs} ms, its clock read every ${measured.stepsPerClockRead} steps`,
      batched: `one pool task per ${plan.batch.size} requests or per ${plan.batch.waitMs} ms, whichever comes first`,
      pool: `a warm plain Piscina pool of ${measured.poolThreads} threads`,
      rounds: 'one bounded load per way, after one untimed load; --repeats does not apply',
    },
    tables: [
      {
        title: `event-loop-delay: the cheap route while the expensive one does ${plan.workMs} ms of work per request`,
        head: ['way', 'cheap p50 ms', 'cheap p99 ms', 'cheap max ms', 'expensive /s', 'pool tasks', 'errors', 'client CPU'],
        rows: rows.map((r) => [r.way, ms(r.cheapP50Ms), ms(r.cheapP99Ms), ms(r.cheapMaxMs), r.expensivePerSecond.toFixed(1), String(r.poolTasks), String(r.errors + r.mismatches), formatPercent(r.clientCpuShare)]),
      },
      {
        title: `the server's event loop (monitorEventLoopDelay at ${LOOP_DELAY_RESOLUTION_MS} ms resolution; gaps of a ${GAP_TIMER_MS} ms timer timed directly)`,
        head: ['way', 'delay p99 ms', 'delay max ms', 'delay samples', 'longest gap ms', 'blocked ms', 'utilisation', 'server CPU ms'],
        rows: rows.map((r) => [r.way, ms(r.loopDelayP99Ms), ms(r.loopDelayMaxMs), String(r.loopDelaySamples), ms(r.loopGapMaxMs), ms(r.loopBlockedMs), formatPercent(r.eventLoopUtilisation), r.serverCpuMs === null ? '-' : ms(r.serverCpuMs)]),
      },
    ],
    rows,
    facts,
    notes: eventLoopDelayNotes(rows, facts, context, Object.fromEntries(expensiveWays.map((way) => [way, measured.ways[way].load.cheapLatencyMs])) as Record<ExpensiveWayName, readonly number[]>),
    lineCharts: [
      {
        title: `event-loop-delay: cheap route latency by percentile`,
        subtitle: `${plan.workMs} ms of work per expensive request`,
        xLabel: 'percentile',
        yLabel: 'cheap route latency (ms)',
        formatX: formatQuantileTick,
        series: expensiveWays.map((way) => ({ label: way, points: percentileLine(measured.ways[way].load.cheapLatencyMs) })),
        references: [{ label: `interleaved bound: a ${sliceMs} ms slice + ${measured.stepsPerClockRead} parts`, y: facts.interleavedBoundMs }],
      },
    ],
  };
}

/** Inline's cheap latencies against another way's, by Mann-Whitney U over every cheap request of each (a load each, no rounds to pair). */
function latencyVerdict(latencies: Readonly<Record<ExpensiveWayName, readonly number[]>> | undefined, way: ExpensiveWayName): string {
  const inline = latencies?.inline;
  const other = latencies?.[way];
  if (inline === undefined || other === undefined || inline.length === 0 || other.length === 0) return 'untested: no latencies were kept';
  const verdict = unpairedVerdict(inline, other);
  const test = mannWhitneyOver(inline.length, other.length, 'cheap requests');
  switch (verdict.state) {
    case 'too-few':
      return `too few requests for a verdict (n = ${verdict.n})`;
    case 'same':
      return `no measurable difference in the cheap latencies, ${formatP(verdict.p)}, ${test}`;
    default:
      return `the cheap latencies measurably ${verdict.state === 'slower' ? 'higher' : 'lower'} inline, ${formatP(verdict.p)}, ${test}`;
  }
}

/** Sentences computed from the rows (and, to test them, every cheap latency): how far inline work raised the cheap route's p99, and which way had the lowest. */
export function eventLoopDelayNotes(rows: readonly EventLoopDelayRow[], facts: EventLoopDelayFacts, context: ExperimentContext, latencies?: Readonly<Record<ExpensiveWayName, readonly number[]>>): string[] {
  const by = (way: ExpensiveWayName): EventLoopDelayRow => rows.find((r) => r.way === way)!;
  const inline = by('inline');
  const best = [...rows].filter((r) => r.way !== 'inline').sort((a, b) => a.cheapP99Ms - b.cheapP99Ms)[0]!;
  const notes: string[] = [];
  const faulty = rows.filter((r) => r.mismatches > 0 || r.errors > 0 || r.cutShort);
  if (faulty.length > 0) notes.push(`ANSWERS WENT WRONG in ${faulty.map((r) => `${r.way} (${r.mismatches} wrong bodies, ${r.errors} failed requests${r.cutShort ? ', cut short by the time bound' : ''})`).join(', ')}: those rows are not comparable.`);
  notes.push(
    `Inline, every expensive request held the main thread for ${facts.workMs} ms: the cheap route's p99 was ${formatMs(inline.cheapP99Ms)} ms (p50 ${formatMs(inline.cheapP50Ms)} ms), ` +
      `${formatRatio(inline.cheapP99Ms / best.cheapP99Ms)} the lowest p99 of the other ways (${latencyVerdict(latencies, best.way)}); that was ${best.way}'s, ${formatMs(best.cheapP99Ms)} ms.`,
  );
  if (inline.cheapRequests < best.cheapRequests) {
    notes.push(
      `The paced client got only ${inline.cheapRequests} cheap requests answered inline against ${best.cheapRequests} ${best.way}: each connection waits for its answer, so requests it could not send while the loop was blocked ` +
        `are in no percentile (coordinated omission), and inline's p99 understates what a steady stream of users would have waited.`,
    );
  }
  const held = facts.offloadedP99OverInline <= TARGET_OFFLOADED_OVER_INLINE;
  notes.push(`Offloaded to the pool, the cheap p99 was ${formatPercent(facts.offloadedP99OverInline)} of inline's (expected at most ${formatPercent(TARGET_OFFLOADED_OVER_INLINE)}: ${held ? 'held' : 'NOT held on this run'}).`);
  const bound = facts.interleavedBoundMs;
  const interleaved = by('interleaved');
  notes.push(
    `Interleaved, the scheduler runs parts back to back for its ${facts.sliceMs} ms time slice (noticing its end at its next clock read, one every ${Math.round((bound - facts.sliceMs) / facts.partMs)} parts of ${formatMs(facts.partMs)} ms), then lets Node's event loop in: ` +
      `the cheap route waits at most ${formatMs(bound)} ms for the main thread; ` +
      `its p99 was ${formatMs(interleaved.cheapP99Ms)} ms, ${interleaved.cheapP99Ms <= bound ? 'within' : 'above'} that bound${interleaved.cheapP99Ms <= bound ? '' : ' (the other processes on the cores add their own waits)'}.`,
  );
  notes.push(
    `monitorEventLoopDelay samples only when its timer gets a turn: inline it took ${inline.loopDelaySamples} samples against ${by('offloaded').loopDelaySamples} offloaded, and its max (${formatMs(inline.loopDelayMaxMs)} ms) ` +
      `is one sample however long the block; timed directly, the longest gap was ${formatMs(inline.loopGapMaxMs)} ms and the loop spent ${formatMs(inline.loopBlockedMs)} ms in gaps over ${10 * GAP_TIMER_MS} ms. ` +
      `Event-loop utilisation: inline ${formatPercent(inline.eventLoopUtilisation)}, offloaded ${formatPercent(by('offloaded').eventLoopUtilisation)}.`,
  );
  const batched = by('batched');
  const offloaded = by('offloaded');
  notes.push(
    `Batched sent ${batched.poolTasks} pool tasks for ${batched.expensiveAnswered} requests (offloaded: ${offloaded.poolTasks}); the expensive route answered ${batched.expensivePerSecond.toFixed(1)}/s against ${offloaded.expensivePerSecond.toFixed(1)}/s offloaded and ${inline.expensivePerSecond.toFixed(1)}/s inline.`,
  );
  notes.push(
    `The load process used up to ${formatPercent(facts.maxClientCpuShare)} of a core; on ${formatCount(context.machine.availableParallelism, 'core')} the server, the pool's threads and the client compete, so the latencies include time each waited for a core.`,
  );
  return notes;
}
