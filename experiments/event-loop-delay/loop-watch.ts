import { monitorEventLoopDelay, performance, type EventLoopUtilization, type IntervalHistogram } from 'node:perf_hooks';
import { latency } from '../../src/measure/percentile.ts';
import { sharedNow } from '../../src/scheduler/index.ts';

/** Resolution of `monitorEventLoopDelay`'s timer, ms: the finest Node allows. */
export const LOOP_DELAY_RESOLUTION_MS = 1;

/** How often the direct gap timer asks for a turn, ms. */
export const GAP_TIMER_MS = 1;

/** What the event loop of this thread went through while it was watched. */
export interface LoopFigures {
  /** `monitorEventLoopDelay` percentiles, ms (it samples only when its timer gets a turn: a blocked loop gives one sample, however long the block). */
  readonly delayP50Ms: number;
  readonly delayP99Ms: number;
  readonly delayMaxMs: number;
  readonly delaySamples: number;
  /** Gaps between turns of a 1 ms timer, timed directly on the shared clock, ms: the longest, and the p99 of all gaps. */
  readonly gapMaxMs: number;
  readonly gapP99Ms: number;
  /** Time the loop spent in gaps longer than 10 timer periods, ms. */
  readonly blockedMs: number;
  /** `performance.eventLoopUtilization()` over the watch: the share of the time the loop was busy, 0-1. */
  readonly utilisation: number;
  readonly watchedMs: number;
}

/**
 * Watches this thread's event loop three ways at once: Node's delay histogram, a timer that
 * times its own gaps, and event-loop utilisation. Start it before the load, `stop()` after.
 */
export class LoopWatch {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  private readonly utilisationSince: EventLoopUtilization = performance.eventLoopUtilization();
  private readonly startedMs = sharedNow();
  private readonly gaps: number[] = [];
  private lastTurn = this.startedMs;
  private readonly timer: NodeJS.Timeout;

  constructor() {
    this.histogram.enable();
    this.timer = setInterval(this.onTurn, GAP_TIMER_MS);
  }

  /** Bound once: the timer fires a thousand times a second. */
  private readonly onTurn = (): void => {
    const now = sharedNow();
    this.gaps.push(now - this.lastTurn);
    this.lastTurn = now;
  };

  /** Stops every probe and returns what they saw. Call once. */
  stop(): LoopFigures {
    this.onTurn();
    clearInterval(this.timer);
    this.histogram.disable();
    const utilisation = performance.eventLoopUtilization(this.utilisationSince).utilization;
    // Never empty: the turn just taken above is one gap.
    const gaps = latency(Float64Array.from(this.gaps));
    const nsToMs = (ns: number): number => (Number.isFinite(ns) ? ns / 1e6 : 0);
    const samples = this.histogram.count;
    return {
      delayP50Ms: samples > 0 ? nsToMs(this.histogram.percentile(50)) : 0,
      delayP99Ms: samples > 0 ? nsToMs(this.histogram.percentile(99)) : 0,
      delayMaxMs: samples > 0 ? nsToMs(this.histogram.max) : 0,
      delaySamples: samples,
      gapMaxMs: gaps.max,
      gapP99Ms: gaps.p99,
      blockedMs: this.gaps.reduce((sum, gap) => (gap > 10 * GAP_TIMER_MS ? sum + gap : sum), 0),
      utilisation,
      watchedMs: sharedNow() - this.startedMs,
    };
  }
}
