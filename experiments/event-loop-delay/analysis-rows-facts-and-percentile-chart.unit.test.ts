import { describe, expect, it } from 'vitest';
import { analyseEventLoopDelay } from './analysis.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import { eventLoopDelayMeasured, wayServed } from '../../test/helpers/analysis-event-loop-delay-figures.ts';
import { resultTable } from '../../test/helpers/result-table.ts';

const twoCores = { machine: { availableParallelism: 2 } } as ExperimentContext;
/** A hundred cheap latencies of 0.1 to 10 ms: every percentile drawn is a different one. */
const spread = Array.from({ length: 100 }, (_, i) => (i + 1) / 10);

describe('event-loop-delay: settings, rows, facts and the percentile chart', () => {
  // Analysed inside each test, not once for the describe block: code run while tests are collected is
  // covered by no test, so Stryker would run none of these against a mutant of it.
  const analysed = (): ReturnType<typeof analyseEventLoopDelay> => analyseEventLoopDelay(eventLoopDelayMeasured({ interleaved: wayServed('interleaved', spread, { loop: { delayP99Ms: 5.5 }, serverCpuMs: 1800, expensive: { durationMs: 2500 } }) }), twoCores);

  it('states the work, the load, the slice and the pool it ran with', () => {
    expect(analysed().settings).toEqual({
      work: '20 ms of kernel work per expensive request (2000 units at 10.00 µs, calibrated on the main thread in this run)',
      load: '40 expensive requests on 8 connections, cheap requests at 200/s on 4 until the expensive ones are answered; at most 15000 ms',
      interleaved: "parts of 12 units (0.12 ms); the scheduler's time slice is 5 ms, its clock read every 8 steps",
      batched: 'one pool task per 2 requests or per 5 ms, whichever comes first',
      pool: 'a warm plain Piscina pool of 2 threads',
      rounds: 'one bounded load per way, after one untimed load; --repeats does not apply',
    });
  });

  it('makes a row per way from its load and its server, errors counted on both routes', () => {
    expect(analysed().rows[0]).toEqual({
      way: 'inline', cheapRequests: 100, cheapP50Ms: 40, cheapP99Ms: 40, cheapMaxMs: 45, expensiveAnswered: 40, expensivePerSecond: 20, mismatches: 0, errors: 0, poolTasks: 0,
      loopDelayP99Ms: 30, loopDelayMaxMs: 41, loopDelaySamples: 20, loopGapMaxMs: 42, loopBlockedMs: 800, eventLoopUtilisation: 0.97, serverCpuMs: 1900, clientCpuMs: 700, clientCpuShare: 0.35, cutShort: false,
    });
    expect(analysed().rows.map((r) => [r.way, r.cheapP50Ms, r.cheapP99Ms, r.cheapMaxMs, r.expensivePerSecond, r.serverCpuMs])).toEqual([
      ['inline', 40, 40, 45, 20, 1900],
      ['interleaved', 5, 9.9, 10, 16, 1800],
      ['offloaded', 2, 2, 2.5, 40, null],
      ['batched', 3, 3, 3.5, 50, null],
    ]);
    const failing = analyseEventLoopDelay(
      eventLoopDelayMeasured({ batched: wayServed('batched', [3, 3], { cheap: { mismatches: 1, errors: 2, non2xx: 3 }, expensive: { mismatches: 4, errors: 5, non2xx: 6 }, cutShort: true }) }),
      twoCores,
    ).rows[3]!;
    expect([failing.mismatches, failing.errors, failing.cutShort]).toEqual([5, 16, true]);
  });

  it('tabulates the cheap route and the server\'s loop, a dash where a figure is missing', () => {
    expect(analysed().tables).toEqual([
      resultTable('event-loop-delay: the cheap route while the expensive one does 20 ms of work per request', `
        way | cheap p50 ms | cheap p99 ms | cheap max ms | expensive /s | pool tasks | errors | client CPU
        inline | 40.0 | 40.0 | 45.0 | 20.0 | 0 | 0 | 35%
        interleaved | 5.00 | 9.90 | 10.0 | 16.0 | 0 | 0 | 25%
        offloaded | 2.00 | 2.00 | 2.50 | 40.0 | 40 | 0 | 25%
        batched | 3.00 | 3.00 | 3.50 | 50.0 | 20 | 0 | 25%
      `),
      resultTable("the server's event loop (monitorEventLoopDelay at 1 ms resolution; gaps of a 1 ms timer timed directly)", `
        way | delay p99 ms | delay max ms | delay samples | longest gap ms | blocked ms | utilisation | server CPU ms
        inline | 30.0 | 41.0 | 20 | 42.0 | 800 | 97% | 1900
        interleaved | 5.50 | 7.00 | 400 | 9.00 | 11.0 | 50% | 1800
        offloaded | 3.00 | 7.00 | 1900 | 9.00 | 11.0 | 12% | -
        batched | 3.00 | 7.00 | 400 | 9.00 | 11.0 | 50% | -
      `),
    ]);
    const silent = analyseEventLoopDelay(eventLoopDelayMeasured({ batched: wayServed('batched', [], { cheap: { errors: 1 }, expensive: { mismatches: 2 } }) }), twoCores);
    expect(silent.tables[0]!.rows[3]).toEqual(['batched', '-', '-', '-', '20.0', '0', '3', '25%']);
    expect([silent.rows[3]!.cheapRequests, silent.rows[3]!.cheapP99Ms]).toEqual([0, Number.NaN]);
  });

  it('states the p99 of each way against inline, the bound of the interleaved way and the busiest client', () => {
    expect(analysed().facts).toEqual({
      workMs: 20, sliceMs: 5, partMs: 0.12, interleavedBoundMs: 5 + 8 * 0.12, kernelUsPerUnit: 10, inlineP99Ms: 40, interleavedP99Ms: 9.9, offloadedP99Ms: 2, batchedP99Ms: 3,
      offloadedP99OverInline: 0.05, interleavedP99OverInline: 9.9 / 40, batchedP99OverInline: 0.075, loopDelayResolutionMs: 1, maxClientCpuShare: 0.35,
    });
  });

  it('draws each way by percentile, equally spaced in 1 / (1 - q), up to its largest sample', () => {
    const [chart] = analysed().lineCharts!;
    expect([chart!.title, chart!.subtitle, chart!.xLabel, chart!.yLabel]).toEqual(['event-loop-delay: cheap route latency by percentile', '20 ms of work per expensive request', 'percentile', 'cheap route latency (ms)']);
    expect(chart!.series.map((s) => s.label)).toEqual(['inline', 'interleaved', 'offloaded', 'batched']);
    // p50, p75, p90, p95 and p98 (p99 is 1 - 1/100: the largest sample, drawn at x = 100).
    expect(chart!.series[1]!.points.map((p) => [Number(p.x.toFixed(6)), p.y])).toEqual([
      [2, 5],
      [4, 7.5],
      [10, 9],
      [20, 9.5],
      [50, 9.8],
      [100, 10],
    ]);
    expect(chart!.series[0]!.points.at(-1)).toEqual({ x: 100, y: 45 });
    expect(chart!.references).toEqual([{ label: 'interleaved bound: a 5 ms slice + 8 parts', y: 5 + 8 * 0.12 }]);
    expect([0.5, 1, 1.5, 2, 3, 100, 1000].map((x) => chart!.formatX!(x))).toEqual(['0%', '0%', '33.33%', '50%', '66.67%', '99%', '99.9%']);
  });

  it('draws no line for a way with fewer than two cheap requests, and stops short of percentiles past its largest sample', () => {
    const few = analyseEventLoopDelay(eventLoopDelayMeasured({ batched: wayServed('batched', [3]), offloaded: wayServed('offloaded', [1, 2, 3, 4]) }), twoCores).lineCharts![0]!;
    expect(few.series[3]!.points).toEqual([]);
    // Four samples: the largest at 1 - 1/4 = 75%, so only p50 is drawn before it.
    expect(few.series[2]!.points).toEqual([
      { x: 2, y: 2 },
      { x: 4, y: 4 },
    ]);
    const two = analyseEventLoopDelay(eventLoopDelayMeasured({ batched: wayServed('batched', [3, 1]) }), twoCores).lineCharts![0]!;
    expect(two.series[3]!.points).toEqual([{ x: 2, y: 3 }]);
  });
});
