/** How `warmEnough` decides: a fall smaller than `tolerance` (a fraction) is no fall; `cap` rounds at most. */
export interface WarmUpRule {
  readonly tolerance: number;
  readonly least: number;
  readonly cap: number;
}

/** 5%: smaller falls are within a loop's round-to-round noise on a quiet machine. At least 2 rounds, at most 10. */
export const WARM_UP_RULE: WarmUpRule = { tolerance: 0.05, least: 2, cap: 10 };

/**
 * Whether warming up can stop, given the loop's time in each warm-up round so far: when the latest
 * round was not faster than the best before it by more than the tolerance (the time stopped
 * falling), after at least `least` rounds; or when `cap` rounds have run, warm or not.
 */
export function warmEnough(loopMs: readonly number[], rule: WarmUpRule = WARM_UP_RULE): boolean {
  if (loopMs.length >= rule.cap) return true;
  if (loopMs.length < Math.max(2, rule.least)) return false;
  const latest = loopMs[loopMs.length - 1]!;
  const bestBefore = Math.min(...loopMs.slice(0, -1));
  return latest >= bestBefore * (1 - rule.tolerance);
}
