/** Evenly spaced round values (1, 2 or 5 times a power of ten) for an axis from 0 to `max`. */
export interface Ticks {
  readonly step: number;
  readonly values: readonly number[];
  /** Decimals that show every tick exactly (0 for steps of 1 and above). */
  readonly decimals: number;
}

/** A round step that cuts `span` into about `target` pieces. */
export function niceStep(span: number, target: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  const factor = normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10;
  return factor * magnitude;
}

/** Ticks from 0 up to `max` inclusive (only 0 when `max` is 0), about `target` of them. */
export function axisTicks(max: number, target: number, options: { integer?: boolean } = {}): Ticks {
  let step = niceStep(max, target);
  if (options.integer === true) step = Math.max(1, Math.round(step));
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const values: number[] = [];
  // Multiplying (not adding) and rounding keeps 0.1 + 0.2 style drift out of the labels.
  for (let i = 0; max > 0 && Number.isFinite(max) && i * step <= max * (1 + 1e-9); i++) values.push(Number((i * step).toFixed(decimals)));
  if (values.length === 0) values.push(0);
  return { step, values, decimals };
}

/** The smallest tick value at or above `value`: a round upper end for an axis. */
export function niceCeiling(value: number, target: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const step = niceStep(value, target);
  return Math.ceil(value / step - 1e-9) * step;
}

/** A number with the given decimals, without a trailing `-0`. */
export function formatTick(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}
