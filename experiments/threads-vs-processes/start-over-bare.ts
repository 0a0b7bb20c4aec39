import { comparisonBacking, pairedComparison, type PairedComparison } from '../../src/experiment/ratio-with-verdict.ts';
import { formatMs, formatRatio } from '../../src/report/format.ts';
import type { StartUpTimes, StartVessel } from './start-up.ts';

/**
 * The lab's own worker against a bare one of the same vessel, both started the same way in every
 * round (`new Worker` or `fork` to the first message): the ratio of the medians, the interval of the
 * per-round ratio, and the paired test. What the lab's modules add to a one-line file's start-up.
 */
export function startOverBare(startUps: StartUpTimes, vessel: StartVessel): PairedComparison {
  return pairedComparison(startUps[vessel].lab, startUps[vessel].bare);
}

/** The facts of both vessels: `threadStartOverBare` and `processStartOverBare`, each with its `Low` and `High` (NaN below two rounds). */
export type StartOverBareFacts = {
  /** The lab's own thread (its worker code, loaded as its pools load it) over a bare one, `new Worker` to the first message. */
  readonly threadStartOverBare: number;
  readonly threadStartOverBareLow: number;
  readonly threadStartOverBareHigh: number;
  /** The lab's own process (`ProcessSlot`) over a bare one-line child forked the same way, `fork` to the first message. */
  readonly processStartOverBare: number;
  readonly processStartOverBareLow: number;
  readonly processStartOverBareHigh: number;
};

export function startOverBareFacts(startUps: StartUpTimes): StartOverBareFacts {
  const thread = startOverBare(startUps, 'thread');
  const process = startOverBare(startUps, 'process');
  return {
    threadStartOverBare: thread.ratio,
    threadStartOverBareLow: thread.low,
    threadStartOverBareHigh: thread.high,
    processStartOverBare: process.ratio,
    processStartOverBareLow: process.low,
    processStartOverBareHigh: process.high,
  };
}

/** One clause per vessel: "the lab's thread took 2.40x the 43.0 ms of a bare one ([2.30-2.50], p = 0.016, Wilcoxon ...)". */
export function startOverBareClause(startUps: StartUpTimes, vessel: StartVessel, bareMs: number): string {
  const c = startOverBare(startUps, vessel);
  return `the lab's ${vessel} took ${formatRatio(c.ratio)} the ${formatMs(bareMs)} ms of a bare one (${comparisonBacking(c)})`;
}
