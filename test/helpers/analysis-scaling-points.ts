import type { ScalingPoint } from '../../experiments/scaling/analysis.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import { median } from '../../src/measure/stats.ts';

/** A thread count's median alone, as saved figures keep it. */
export const scalingPoint = (threads: number, medianMs: number): ScalingPoint => ({ threads, medianMs, minMs: medianMs, maxMs: medianMs, checksumOk: true });

/** `count` runs spread ±`spread` ms around `ms` (evenly, their median `ms`), each thread count timed in its own block. */
export function scalingRuns(threads: number, ms: number, spread = 0.5, count = 6): ScalingPoint {
  const wallMs = Array.from({ length: count }, (_, i) => ms + spread * ((2 * i) / (count - 1) - 1));
  return { threads, medianMs: median(wallMs), minMs: Math.min(...wallMs), maxMs: Math.max(...wallMs), checksumOk: true, samples: samplesOf(wallMs) };
}
