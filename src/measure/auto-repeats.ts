import { medianInterval } from './median-interval.ts';
import { median } from './stats.ts';

/** `--repeats auto` aims for every median's interval within +-2% of it. */
export const AUTO_PRECISION = 0.02;
/** Rounds before `--repeats auto` may stop: enough for a paired verdict. */
export const AUTO_MIN_ROUNDS = 6;
/** Rounds after which `--repeats auto` stops whatever the precision or budget. */
export const AUTO_MAX_ROUNDS = 1000;

/** What ended an automatic number of repeats. */
export type AutoStop = 'precision' | 'budget' | 'max rounds';

/** The larger side of the median's 95% interval, relative to the median: 0.02 means within +-2%. */
export function medianPrecision(samples: readonly number[]): number {
  const m = median(samples);
  const { low, high } = medianInterval(samples);
  return Math.max(m - low, high - m) / m;
}

/**
 * Whether to stop repeating, after a round: never before 6 rounds; then when every subject's
 * median is known within +-2% ('precision'), when the clock has passed the deadline ('budget'),
 * or after 1000 rounds. Undefined means: run another round (all subjects, so rounds stay paired).
 */
export function autoStop(samplesPerSubject: readonly (readonly number[])[], nowMs: number, deadlineMs: number): AutoStop | undefined {
  const rounds = Math.min(...samplesPerSubject.map((s) => s.length));
  if (rounds < AUTO_MIN_ROUNDS) return undefined;
  if (samplesPerSubject.every((s) => medianPrecision(s) <= AUTO_PRECISION)) return 'precision';
  if (nowMs >= deadlineMs) return 'budget';
  if (rounds >= AUTO_MAX_ROUNDS) return 'max rounds';
  return undefined;
}
