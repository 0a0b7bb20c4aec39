import { MIN_PAIRED_ROUNDS, SIGNIFICANCE } from './verdict.ts';

/**
 * The fewest paired rounds with which a setting chosen among `settings` can still be called faster
 * after Holm's correction: the smallest two-sided exact Wilcoxon p over n rounds is 2 / 2^n (every
 * round on the same side), and Holm compares the smallest p with 0.05 / settings. So 2 / 2^n must
 * fall below 0.05 / settings: 6 rounds do for one setting, 9 for eight, 10 for sixteen.
 */
export function roundsForCorrectedTest(settings: number): number {
  let rounds = MIN_PAIRED_ROUNDS;
  // Stryker disable next-line EqualityOperator: equivalent; 2 / 2^n never equals 0.05 / settings, which would need 5 to divide a power of 2.
  while (2 / 2 ** rounds >= SIGNIFICANCE / Math.max(1, settings)) rounds++;
  return rounds;
}
