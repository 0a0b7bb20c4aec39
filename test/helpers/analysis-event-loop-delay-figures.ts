import type { EventLoopDelayMeasured } from '../../experiments/event-loop-delay/analysis.ts';
import type { ExpensiveWayName, WayUnderLoad } from '../../experiments/event-loop-delay/http-load.ts';
import type { LoopFigures } from '../../experiments/event-loop-delay/loop-watch.ts';
import type { RouteResult } from '../../experiments/event-loop-delay/load-protocol.ts';

/** What one way's server and load may differ in from a clean run; each figure has a default of its own so none can stand in for another. */
export interface WayShape {
  readonly loop?: Partial<LoopFigures>;
  readonly poolTasks?: number;
  readonly serverCpuMs?: number;
  readonly cheap?: Partial<RouteResult>;
  readonly expensive?: Partial<RouteResult>;
  readonly clientCpuMs?: number;
  readonly wallMs?: number;
  readonly cutShort?: boolean;
}

/** One way served under load, by hand: the cheap route's latencies as given, 40 expensive requests answered in 2 s. */
export function wayServed(way: ExpensiveWayName, cheapLatencyMs: readonly number[], shape: WayShape = {}): WayUnderLoad {
  const route: RouteResult = { completed: 0, errors: 0, timeouts: 0, mismatches: 0, non2xx: 0, durationMs: 2000 };
  return {
    server: {
      way, cheapAnswered: cheapLatencyMs.length, expensiveAnswered: 40, poolTasks: shape.poolTasks ?? 0, stoppedBy: 'stop', listening: false, serverCpuMs: shape.serverCpuMs,
      loop: { delayP50Ms: 1, delayP99Ms: 3, delayMaxMs: 7, delaySamples: 400, gapMaxMs: 9, gapP99Ms: 2, blockedMs: 11, utilisation: 0.5, watchedMs: 2000, ...shape.loop },
    },
    load: {
      kind: 'loaded', cheapLatencyMs, cheap: { ...route, completed: cheapLatencyMs.length, ...shape.cheap }, expensive: { ...route, completed: 40, ...shape.expensive },
      clientCpuMs: shape.clientCpuMs ?? 500, wallMs: shape.wallMs ?? 2000, cutShort: shape.cutShort ?? false,
    },
  };
}

/** `n` latencies of `ms`, the last one `lastMs`: a p99 of `ms` up to 100 of them, the largest at `lastMs`. */
export const latencies = (n: number, ms: number, lastMs = ms): number[] => Array.from({ length: n }, (_, i) => (i === n - 1 ? lastMs : ms));

/**
 * The ways of a quick plan, by hand: inline's cheap requests wait 40 ms (p99), interleaved's 6, offloaded's 2, batched's 3;
 * 20 ms of work per request, parts of 12 units at 10 µs (0.12 ms), a 5 ms slice and a clock read every 8 steps.
 */
export function eventLoopDelayMeasured(ways: Partial<Record<ExpensiveWayName, WayUnderLoad>> = {}): EventLoopDelayMeasured {
  return {
    plan: { workMs: 20, partMs: 0.625, batch: { size: 2, waitMs: 5 }, shape: { expensiveRequests: 40, expensiveConnections: 8, cheapRate: 200, cheapConnections: 4, cheapMax: 20_000, maxMs: 15_000 } },
    sliceMs: 5,
    stepsPerClockRead: 8,
    kernelUsPerUnit: 10,
    units: 2000,
    partUnits: 12,
    checksum: 1,
    poolThreads: 2,
    ways: {
      inline: wayServed('inline', latencies(100, 40, 45), { loop: { delayP99Ms: 30, delayMaxMs: 41, delaySamples: 20, gapMaxMs: 42, blockedMs: 800, utilisation: 0.97 }, serverCpuMs: 1900, expensive: { durationMs: 2000 }, clientCpuMs: 700 }),
      interleaved: wayServed('interleaved', latencies(100, 6, 8), { loop: { delayP99Ms: 5.5 }, serverCpuMs: 1800, expensive: { durationMs: 2500 } }),
      offloaded: wayServed('offloaded', latencies(100, 2, 2.5), { loop: { delaySamples: 1900, utilisation: 0.12 }, poolTasks: 40, expensive: { durationMs: 1000 } }),
      batched: wayServed('batched', latencies(100, 3, 3.5), { poolTasks: 20, expensive: { durationMs: 800 } }),
      ...ways,
    },
  };
}
