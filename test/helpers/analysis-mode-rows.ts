import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import { median } from '../../src/measure/stats.ts';
import type { ModeName } from '../../src/modes/index.ts';

/**
 * A compared row made by hand from its wall times, one per round: the median, range and samples
 * follow from them, the speedup is `baselineMs` over the median, and its verdict against the
 * baseline says "too few" (the analyses compute their own verdicts from the samples).
 */
export function comparedRow(workload: string, mode: ModeName, threads: number, wallMs: readonly number[], baselineMs: number, extra: Partial<ModeComparison> = {}): ModeComparison {
  const medianMs = median(wallMs);
  const speedup = baselineMs / medianMs;
  return {
    workload,
    mode,
    threads,
    repeats: wallMs.length,
    medianMs,
    medianLowMs: Math.min(...wallMs),
    medianHighMs: Math.max(...wallMs),
    medianCoverage: 0.95,
    meanMs: medianMs,
    meanCi95Ms: 0,
    minMs: Math.min(...wallMs),
    maxMs: Math.max(...wallMs),
    sdMs: 0,
    rsd: 0,
    noisy: false,
    outlierRounds: [],
    speedup,
    speedupLow: speedup,
    speedupHigh: speedup,
    speedupMethod: 'paired rounds',
    verdict: { state: 'too-few', n: wallMs.length },
    efficiency: speedup / threads,
    checksumOk: true,
    checksum: 1,
    baseline: 'sequential',
    samples: samplesOf(wallMs),
    ...extra,
  };
}

/** Seven rounds around `ms`: a spread that keeps every one of them on the same side of a neighbour 10% away. */
export const sevenRounds = (ms: number): number[] => [0, 1, -1, 2, -2, 0.5, -0.5].map((d) => ms + (d * ms) / 100);

/** Three rounds around `ms`: too few for any paired verdict. */
export const threeRounds = (ms: number): number[] => [0, 1, -1].map((d) => ms + (d * ms) / 100);
