/** How much input `try` accepts: a count and the inputs' structured-clone bytes in all. */
export interface TryLimits {
  readonly maxInputs: number;
  readonly maxInputBytes: number;
}

/** The default limits; `--max-work N` multiplies them. */
export const defaultTryLimits: TryLimits = { maxInputs: 100_000, maxInputBytes: 256 * 2 ** 20 };

/** The limits `--max-work factor` allows. */
export function tryLimits(factor = 1): TryLimits {
  return { maxInputs: defaultTryLimits.maxInputs * factor, maxInputBytes: defaultTryLimits.maxInputBytes * factor };
}

/** "100,000 inputs (--max-work N raises it)": the limit said in a refusal. */
export function limitText(limit: number, unit: 'inputs' | 'bytes'): string {
  const figure = unit === 'inputs' ? `${limit.toLocaleString('en-US')} inputs` : `${(limit / 2 ** 20).toLocaleString('en-US')} MiB of structured-clone bytes`;
  return `${figure} (--max-work N accepts N times as much)`;
}
