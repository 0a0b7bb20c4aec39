/** Two-sided 95% critical values of Student's t distribution, t(0.975, df), for df = 1..30. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093,
  2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
] as const;

/** Beyond df = 30, values at these degrees of freedom, interpolated linearly in 1/df (the usual practice). */
const TAIL: readonly (readonly [df: number, t: number])[] = [
  [30, 2.042],
  [40, 2.021],
  [60, 2.0],
  [120, 1.98],
  [Number.POSITIVE_INFINITY, 1.96],
];

/** The critical value t such that 95% of a t distribution with `df` degrees of freedom lies within +-t. */
export function tCritical95(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a positive integer, got ${df}`);
  if (df <= 30) return T975[df - 1]!;
  for (let i = 1; i < TAIL.length; i++) {
    const [hiDf, hiT] = TAIL[i]!;
    if (df <= hiDf) {
      const [loDf, loT] = TAIL[i - 1]!;
      const x = (1 / loDf - 1 / df) / (1 / loDf - 1 / hiDf);
      return loT + x * (hiT - loT);
    }
  }
  return 1.96;
}
