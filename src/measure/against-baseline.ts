import { pairedRatioInterval } from './ratio-interval.ts';
import { pairByRound, samplesOf, type Sample } from './samples.ts';
import { speedup } from './speedup.ts';
import { summarize, type Summary } from './stats.ts';
import { pairedVerdict, type Verdict } from './verdict.ts';

/** One subject's wall times judged against a baseline measured in the same rounds. */
export interface AgainstBaseline {
  readonly summary: Summary;
  readonly samples: readonly Sample[];
  /** Baseline median / this median. */
  readonly speedup: number;
  /** 95% interval of the speedup, from the per-round ratios baseline / this. */
  readonly speedupLow: number;
  readonly speedupHigh: number;
  /** Wilcoxon signed-rank verdict over the paired rounds. */
  readonly verdict: Verdict;
}

/** Summary, speedup with its paired interval, and verdict of `wallMs` against `baselineMs` (same rounds, same order). */
export function againstBaseline(wallMs: readonly number[], baselineMs: readonly number[]): AgainstBaseline {
  const summary = summarize(wallMs);
  const samples = samplesOf(wallMs);
  const paired = pairByRound(samplesOf(baselineMs), samples);
  const ratio = pairedRatioInterval(paired.a, paired.b);
  return { summary, samples, speedup: speedup(summarize(baselineMs).median, summary.median), speedupLow: ratio.low, speedupHigh: ratio.high, verdict: pairedVerdict(paired.b, paired.a) };
}
