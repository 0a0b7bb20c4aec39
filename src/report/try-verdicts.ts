import { holmAdjust } from '../measure/holm.ts';
import { SIGNIFICANCE, type Verdict } from '../measure/verdict.ts';

/** A paired verdict with its speedup interval; `candidate` rows are the settings chosen among. */
export interface JudgedSetting {
  readonly verdict: Verdict;
  /** The speedup's 95% interval (baseline / this, or reference / this). */
  readonly low: number;
  readonly high: number;
  readonly candidate: boolean;
}

/**
 * One rule decides "faster" and "slower": Wilcoxon's p, Holm-corrected over the candidate settings
 * (a best one is chosen among them, so each must survive their number), below 0.05, and the
 * speedup's interval clear of 1 on the same side. Anything else is 'same' (the corrected p kept);
 * 'too-few' stays. Rows that are not candidates keep their own, uncorrected, test.
 */
export function decideFaster(settings: readonly JudgedSetting[]): Verdict[] {
  const tested = settings.flatMap((s, i) => (s.candidate && s.verdict.state !== 'too-few' ? [i] : []));
  const adjusted = holmAdjust(tested.map((i) => (settings[i]!.verdict as { p: number }).p));
  const corrected = new Map(tested.map((index, k) => [index, adjusted[k]!]));
  return settings.map((s, i) => {
    const v = s.verdict;
    if (v.state === 'too-few') return v;
    const p = corrected.get(i) ?? v.p;
    const clear = v.state === 'faster' ? s.low > 1 : v.state === 'slower' ? s.high < 1 : false;
    return p < SIGNIFICANCE && clear ? { ...v, p } : { state: 'same', n: v.n, p };
  });
}
