import { fitOverheadPerTask } from '../measure/dispatch-overhead.ts';
import { BOOTSTRAP_RESAMPLES } from '../measure/ratio-interval.ts';
import type { Sample } from '../measure/samples.ts';
import { median } from '../measure/stats.ts';
import { createRandom } from '../workload/random.ts';
import { idealShare, usableOf, type DispatchSize, type UsableThreads } from './dispatch-fit.ts';
import { rowOf } from './mode-rows.ts';

/** A value with its 95% interval; the interval is NaN at both ends when it could not be found. */
export interface Estimate {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

/** One size as the fits read it: the median of sequential and of every subject. */
export interface MediansAtSize<S extends string> {
  readonly tasks: number;
  /** Ideal time over sequential time at this size (see `idealShare`): one for every subject, or one per subject. */
  readonly idealShare: number | Readonly<Record<S, number>>;
  readonly sequentialMs: number;
  readonly subjectsMs: Readonly<Record<S, number>>;
}

/** One size as the bootstrap resamples it: the wall times of sequential and of every subject, with their rounds. */
export interface RoundsAtSize<S extends string> {
  readonly tasks: number;
  readonly idealShare: number | Readonly<Record<S, number>>;
  readonly sequential: readonly Sample[];
  readonly subjects: Readonly<Record<S, readonly Sample[]>>;
}

export interface DispatchBootstrapOptions {
  /** @default 1 */
  readonly seed?: number;
  /** @default BOOTSTRAP_RESAMPLES (2000) */
  readonly resamples?: number;
}

/** Each subject's per-task cost, µs, fitted through the origin over every size (the same fit as `fitDispatch`). */
export function fittedCostsUs<S extends string>(sizes: readonly MediansAtSize<S>[], subjects: readonly S[]): Record<S, number> {
  const costs = {} as Record<S, number>;
  for (const s of subjects) {
    costs[s] = sizes.length === 0 ? Number.NaN : fitOverheadPerTask(sizes.map((z) => ({ tasks: z.tasks, extraMs: z.subjectsMs[s] - z.sequentialMs * usableOf(z.idealShare, s) }))) * 1000;
  }
  return costs;
}

/** The 2.5th and 97.5th percentiles of `values`; NaN at both ends when any value is not finite (a ratio whose denominator reached zero). */
export function percentileInterval(values: readonly number[]): { readonly low: number; readonly high: number } {
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) return { low: Number.NaN, high: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  return { low: sorted[Math.floor(0.025 * sorted.length)]!, high: sorted[Math.ceil(0.975 * sorted.length) - 1]! };
}

/** The rounds every series at a size ran, ascending, and each series' wall times in that order. */
function byRound<S extends string>(size: RoundsAtSize<S>, subjects: readonly S[]): { sequential: number[]; subjects: Record<S, number[]> } {
  const series = [size.sequential, ...subjects.map((s) => size.subjects[s])];
  const maps = series.map((samples) => new Map(samples.map((x) => [x.round, x.wallMs])));
  const rounds = [...maps[0]!.keys()].filter((r) => maps.every((m) => m.has(r))).sort((a, b) => a - b);
  const values = maps.map((m) => rounds.map((r) => m.get(r)!));
  return { sequential: values[0]!, subjects: Object.fromEntries(subjects.map((s, i) => [s, values[i + 1]!])) as Record<S, number[]> };
}

/**
 * A seeded percentile bootstrap over rounds of everything `derive` makes of the fitted costs. Each
 * resample draws, at every size, round indices with replacement once and applies them to every
 * series of that size (sequential and each subject): the modes ran in the same rounds, so they are
 * resampled together and what the round did to all of them stays paired. Sizes were measured apart,
 * so each is resampled on its own. Undefined when a size has no round that every series ran.
 */
export function bootstrapOverRounds<S extends string, K extends string>(
  sizes: readonly RoundsAtSize<S>[],
  subjects: readonly S[],
  derive: (costs: Readonly<Record<S, number>>) => Readonly<Record<K, number>>,
  options: DispatchBootstrapOptions = {},
): Record<K, { readonly low: number; readonly high: number }> | undefined {
  const { seed = 1, resamples = BOOTSTRAP_RESAMPLES } = options;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  const aligned = sizes.map((size) => byRound(size, subjects));
  if (aligned.length === 0 || aligned.some((a) => a.sequential.length === 0)) return undefined;
  const random = createRandom(seed);
  const drawn = new Map<K, number[]>();
  for (let b = 0; b < resamples; b++) {
    const medians = aligned.map((a, i): MediansAtSize<S> => {
      const picks = a.sequential.map(() => random.int(0, a.sequential.length - 1));
      const at = (values: readonly number[]): number => median(picks.map((k) => values[k]!));
      return {
        tasks: sizes[i]!.tasks,
        idealShare: sizes[i]!.idealShare,
        sequentialMs: at(a.sequential),
        subjectsMs: Object.fromEntries(subjects.map((s) => [s, at(a.subjects[s])])) as Record<S, number>,
      };
    });
    for (const [key, value] of Object.entries(derive(fittedCostsUs(medians, subjects))) as [K, number][]) {
      const list = drawn.get(key) ?? [];
      list.push(value);
      drawn.set(key, list);
    }
  }
  return Object.fromEntries([...drawn].map(([key, values]) => [key, percentileInterval(values)])) as Record<K, { readonly low: number; readonly high: number }>;
}

/** `numerator / denominator`, or NaN unless both are finite and the denominator is positive: a ratio of costs means nothing otherwise. */
export function costRatio(numerator: number, denominator: number): number {
  return Number.isFinite(numerator) && denominator > 0 && Number.isFinite(denominator) ? numerator / denominator : Number.NaN;
}

/** One series the costs are fitted to, at one size: its median and, when kept, its rounds. */
export interface Series {
  readonly medianMs: number;
  readonly samples?: readonly Sample[] | undefined;
}

/**
 * Each figure `derive` makes of the series' per-task costs fitted over `sizes` (all of them on these
 * sizes, against the ideal split over `usable` threads, one count or one per series), with its 95% bootstrap interval over rounds.
 * Only the series with rounds at every size (and sequential with its own) are resampled: a figure that
 * needs another keeps its point and no interval (NaN ends).
 */
export function estimateCosts<Z extends DispatchSize, S extends string, K extends string>(
  sizes: readonly Z[],
  series: Readonly<Record<S, (size: Z) => Series>>,
  usable: UsableThreads<S>,
  derive: (costs: Readonly<Partial<Record<S, number>>>) => Readonly<Record<K, number>>,
  options: DispatchBootstrapOptions = {},
): Record<K, Estimate> {
  const keys = Object.keys(series) as S[];
  const sequential = (z: Z): Series => rowOf(z.rows, 'sequential');
  const byKey = <T>(pick: (key: S) => T, of: readonly S[]): Record<S, T> => Object.fromEntries(of.map((k) => [k, pick(k)])) as Record<S, T>;
  const shares = (z: Z): number | Record<S, number> => (typeof usable === 'number' ? idealShare(z.tasks, usable) : byKey((k) => idealShare(z.tasks, usableOf(usable, k)), keys));
  const points = derive(fittedCostsUs(sizes.map((z) => ({ tasks: z.tasks, idealShare: shares(z), sequentialMs: sequential(z).medianMs, subjectsMs: byKey((k) => series[k](z).medianMs, keys) })), keys));
  const rounds = (pick: (z: Z) => Series): boolean => sizes.every((z) => pick(z).samples !== undefined);
  const resampled = rounds(sequential) ? keys.filter((k) => rounds(series[k])) : [];
  const intervals =
    resampled.length === 0 || sizes.length === 0
      ? undefined
      : bootstrapOverRounds(
          sizes.map((z) => ({ tasks: z.tasks, idealShare: shares(z), sequential: sequential(z).samples!, subjects: byKey((k) => series[k](z).samples!, resampled) })),
          resampled,
          derive,
          options,
        );
  return Object.fromEntries(
    (Object.keys(points) as K[]).map((name) => [name, { value: points[name], low: intervals?.[name].low ?? Number.NaN, high: intervals?.[name].high ?? Number.NaN }]),
  ) as Record<K, Estimate>;
}
