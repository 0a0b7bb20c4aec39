import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventLoopDelay } from './index.ts';
import type { EventLoopDelayMeasured } from './analysis.ts';
import { eventLoopDelayPlan } from './index.ts';
import { wayUnderLoad } from '../../test/helpers/hand-made-figures.ts';
import { expensiveWays, LoadClient, serveUnderLoad, startLoadServer, type WayUnderLoad, type WorkSettings } from './http-load.ts';
import { PlainPool } from '../../src/runtime/plain-pool.ts';
import { DEFAULT_SLICE_MS, STEPS_PER_CLOCK_READ } from '../../src/scheduler/index.ts';
import { cpuKernel } from '../../src/workload/cpu-kernel.ts';
import { svgLineChart } from '../../src/draw/index.ts';
import { tinyContext } from '../../test/helpers/context.ts';
import { exists } from '../../test/helpers/processes.ts';
import { refused } from '../../test/helpers/sockets.ts';
import { elements, parseSvg } from '../../test/helpers/svg.ts';

const work: WorkSettings = { units: 40, seed: 5, partUnits: 3, batch: { size: 2, waitMs: 2 } };
const checksum = cpuKernel(work.units, work.seed);

/** Settles when an HTTP server of this process listening on `port` starts on its first request (Node's `http.server.request.start` channel). */
function firstRequestOn(port: number): Promise<void> {
  return new Promise((resolve) => {
    const seen = (message: unknown): void => {
      const address = (message as { server: Server }).server.address();
      if (typeof address === 'object' && address?.port === port) {
        unsubscribe('http.server.request.start', seen);
        resolve();
      }
    };
    subscribe('http.server.request.start', seen);
  });
}

describe('event-loop-delay: the server and its load, on a tiny load', () => {
  let pool: PlainPool;
  let client: LoadClient;
  beforeAll(async () => {
    pool = await PlainPool.start(2);
    client = await LoadClient.start();
  });
  afterAll(async () => {
    client?.close();
    await pool?.close();
  });

  it.each(expensiveWays)('%s: every expensive answer is the kernel checksum, the load is bounded, the server stops and refuses connections', async (way) => {
    const shape = { expensiveRequests: 6, expensiveConnections: 2, expectedChecksum: String(checksum), cheapRate: 200, cheapConnections: 2, cheapMax: 40, maxMs: 5_000 };
    const { server, load } = await serveUnderLoad(way, work, pool, client, shape);
    expect(load.expensive).toMatchObject({ completed: 6, mismatches: 0, errors: 0, non2xx: 0 });
    expect(server.expensiveAnswered).toBe(6);
    expect(load.cheap.mismatches).toBe(0);
    expect(load.cheapLatencyMs.length).toBeLessThanOrEqual(shape.cheapMax);
    expect(server.cheapAnswered).toBeLessThanOrEqual(shape.cheapMax);
    expect(load.cutShort).toBe(false);
    expect(server).toMatchObject({ way, stoppedBy: 'stop', listening: false });
    // Batches of at most 2: at least 3 tasks for 6 requests, fewer than one each unless the timer always fired first.
    if (way === 'batched') expect(server.poolTasks).toBeGreaterThanOrEqual(3);
    else expect(server.poolTasks).toBe(way === 'offloaded' ? 6 : 0);
    expect(load.clientCpuMs).toBeGreaterThan(0);
  });

  it('closing the load process mid-load ends the load at once and leaves no process behind', async () => {
    const own = await LoadClient.start();
    const server = await startLoadServer({ way: 'inline', work, deadlineMs: 20_000 });
    const underWay = firstRequestOn(server.port);
    const running = own.run({ port: server.port, expensiveRequests: 100_000, expensiveConnections: 2, expectedChecksum: String(checksum), cheapRate: 100, cheapConnections: 1, cheapMax: 100_000, maxMs: 15_000 });
    // Mid-load: once the server has seen the load's first request (not after a fixed wait), with 100,000 still to come.
    await Promise.race([underWay, running.then(() => Promise.reject(new Error('the load ended before the server saw a request')))]);
    own.close();
    await expect(running).rejects.toThrow(/the load process exited/);
    await server.stop();
    await expect.poll(() => exists(own.pid!)).toBe(false);
  });

  it('a server nobody stops stops by itself at its deadline, on 127.0.0.1 only', async () => {
    const server = await startLoadServer({ way: 'inline', work, deadlineMs: 50 });
    const report = await server.stopped;
    expect(report).toMatchObject({ stoppedBy: 'deadline', listening: false, cheapAnswered: 0 });
    expect(await refused(server.port)).toBe('ECONNREFUSED');
  });

  it('the interleaved way answers with the same checksum as one call of the kernel, though cut into parts', async () => {
    const server = await startLoadServer({ way: 'interleaved', work, deadlineMs: 5_000 });
    const body = await (await fetch(`http://127.0.0.1:${server.port}/work`)).text();
    expect(Number(body)).toBe(checksum);
    expect(await (await fetch(`http://127.0.0.1:${server.port}/ping`)).text()).toBe('pong');
    expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    await server.stop();
  });
});

const way = wayUnderLoad;

describe('event-loop-delay: the analysis', () => {
  const hundred = (ms: number): number[] => Array.from({ length: 100 }, (_, i) => (i === 99 ? ms : 1));
  const measured: EventLoopDelayMeasured = {
    plan: eventLoopDelayPlan(true), sliceMs: DEFAULT_SLICE_MS, stepsPerClockRead: STEPS_PER_CLOCK_READ, kernelUsPerUnit: 10, units: 500, partUnits: 12, checksum, poolThreads: 2,
    ways: {
      inline: way('inline', hundred(80), { samples: 20, gapMs: 80 }),
      interleaved: way('interleaved', hundred(12)),
      offloaded: way('offloaded', hundred(4), { poolTasks: 10 }),
      batched: way('batched', hundred(6), { poolTasks: 5 }),
    },
  };

  it('computes the p99 facts and their ratios from the latencies, and says which way brought the cheap route back', () => {
    const { facts, rows, notes } = eventLoopDelay.analyse(measured, tinyContext());
    expect(rows.map((r) => r.way)).toEqual(['inline', 'interleaved', 'offloaded', 'batched']);
    expect(facts).toMatchObject({ inlineP99Ms: 1, interleavedP99Ms: 1, offloadedP99Ms: 1, batchedP99Ms: 1 });
    const max = eventLoopDelay.analyse({ ...measured, ways: { ...measured.ways, inline: way('inline', Array(100).fill(80)), offloaded: way('offloaded', Array(100).fill(4)) } }, tinyContext());
    expect(max.facts.inlineP99Ms).toBe(80);
    expect(max.facts.offloadedP99OverInline).toBe(0.05);
    expect(max.notes.join('\n')).toContain("the cheap route's p99 was 80.0 ms (p50 80.0 ms), 80.00x the lowest p99 of the other ways (the cheap latencies measurably higher inline, p < 0.001, Mann-Whitney U over 100 and 100 cheap requests); that was interleaved's, 1.00 ms.");
    expect(max.notes.join('\n')).toContain('Offloaded to the pool, the cheap p99 was 5.0% of inline\'s (expected at most 20%: held)');
    expect(rows[0]!.cheapMaxMs).toBe(80);
    expect(facts.interleavedBoundMs).toBeCloseTo(DEFAULT_SLICE_MS + STEPS_PER_CLOCK_READ * 0.12);
    expect(notes.join('\n')).toContain('inline it took 20 samples against 400 offloaded');
  });

  it('draws the cheap route by percentile, one line per way, up to its largest sample', () => {
    const { lineCharts, facts } = eventLoopDelay.analyse(measured, tinyContext());
    expect(lineCharts).toHaveLength(1);
    const chart = lineCharts![0]!;
    expect(chart.series.map((s) => s.label)).toEqual([...expensiveWays]);
    const inline = chart.series[0]!.points;
    // 100 samples: p50 ... p98 (p99 is 1 - 1/100, the largest sample itself), x = 1 / (1 - q).
    expect(inline.at(-1)).toEqual({ x: 100, y: 80 });
    expect(inline[0]).toEqual({ x: 2, y: 1 });
    expect(chart.references).toEqual([expect.objectContaining({ y: facts.interleavedBoundMs })]);
    expect(elements(parseSvg(svgLineChart(chart)), 'polyline')).toHaveLength(4);
  });

  it('flags wrong answers before anything else', () => {
    const bad = way('batched', hundred(6));
    const wrong: WayUnderLoad = { ...bad, load: { ...bad.load, expensive: { ...bad.load.expensive, mismatches: 2 } } };
    const { notes } = eventLoopDelay.analyse({ ...measured, ways: { ...measured.ways, batched: wrong } }, tinyContext());
    expect(notes[0]).toMatch(/^ANSWERS WENT WRONG in batched \(2 wrong bodies/);
  });

  it('says when the blocked loop kept the paced client from sending, and only then', () => {
    const fewer = eventLoopDelay.analyse({ ...measured, ways: { ...measured.ways, inline: way('inline', Array(60).fill(80)) } }, tinyContext());
    expect(fewer.notes.join('\n')).toMatch(/only 60 cheap requests answered inline against 100 (interleaved|offloaded|batched)/);
    expect(eventLoopDelay.analyse(measured, tinyContext()).notes.join('\n')).not.toContain('coordinated omission');
  });
});
