import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import type { ModeName } from '../../src/modes/index.ts';

/**
 * A compared row written out by hand: `medianMs` in every one of three rounds, against a sequential
 * baseline of `baselineMs`; `extra` overrides any field (threads, verdict, checksumOk, impossible, ...).
 */
export function handMadeRow(mode: ModeName, medianMs: number, baselineMs: number, extra: Partial<ModeComparison> = {}): ModeComparison {
  const threads = extra.threads ?? 1;
  const speedup = baselineMs / medianMs;
  return {
    workload: 'w',
    mode,
    threads,
    repeats: 3,
    medianMs,
    medianLowMs: medianMs,
    medianHighMs: medianMs,
    medianCoverage: 0.75,
    meanMs: medianMs,
    meanCi95Ms: 0,
    minMs: medianMs,
    maxMs: medianMs,
    sdMs: 0,
    rsd: 0,
    noisy: false,
    outlierRounds: [],
    speedup,
    speedupLow: speedup,
    speedupHigh: speedup,
    speedupMethod: 'paired rounds',
    verdict: { state: 'too-few', n: 3 },
    efficiency: speedup / threads,
    checksumOk: true,
    checksum: 0x1234,
    baseline: 'sequential',
    samples: [1, 2, 3].map((round) => ({ round, wallMs: medianMs })),
    ...extra,
  };
}
