import type { ModeComparison } from '../../src/measure/compare-modes.ts';

/** The statistics fields of a hand-built row whose three repeats all took `medianMs`: intervals collapse onto the figures. */
export function fixedStats(medianMs: number, speedup: number): Pick<
  ModeComparison,
  'medianLowMs' | 'medianHighMs' | 'medianCoverage' | 'meanCi95Ms' | 'outlierRounds' | 'speedupLow' | 'speedupHigh' | 'speedupMethod' | 'verdict' | 'samples'
> {
  return {
    medianLowMs: medianMs,
    medianHighMs: medianMs,
    medianCoverage: 0.75,
    meanCi95Ms: 0,
    outlierRounds: [],
    speedupLow: speedup,
    speedupHigh: speedup,
    speedupMethod: 'paired rounds',
    verdict: { state: 'too-few', n: 3 },
    samples: [1, 2, 3].map((round) => ({ round, wallMs: medianMs })),
  };
}
