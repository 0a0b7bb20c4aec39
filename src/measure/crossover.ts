import type { Verdict } from './verdict.ts';

/** One task size and the verdict of its paired test against sequential (Wilcoxon over the rounds both ran). */
export interface SizeVerdict {
  readonly size: number;
  readonly verdict: Verdict;
}

/** A size's verdict when the mode was measurably faster than sequential there. */
export interface FasterVerdict {
  readonly state: 'faster';
  readonly n: number;
  readonly p: number;
}

/** A size's verdict when it was not: measurably slower, no measurable difference, or too few rounds for a test. */
export type NotFasterVerdict = Exclude<Verdict, { readonly state: 'faster' | 'slower' }> | { readonly state: 'slower'; readonly n: number; readonly p: number };

/**
 * Where a mode starts to beat sequential as tasks grow, placed by each size's verdict, never by a
 * point speedup: a 0.97x or a 1.03x whose test found no measurable difference places nothing.
 */
export type Crossover =
  /**
   * Measurably faster at `above` and at every larger size, not at `below`, the size just under it:
   * the crossover lies in (below, above], and is placed at `size` (= `above`). `earlierWins` lists smaller
   * sizes that were already measurably faster, before a size that was not.
   */
  | {
      readonly state: 'crossed';
      readonly size: number;
      readonly below: number;
      readonly above: number;
      readonly belowVerdict: NotFasterVerdict;
      readonly aboveVerdict: FasterVerdict;
      readonly earlierWins: readonly number[];
    }
  /** Measurably faster at every measured size: the crossover is below the smallest. */
  | { readonly state: 'always-faster'; readonly smallest: number; readonly smallestVerdict: FasterVerdict }
  /** Not measurably faster at the largest measured size (so from no size on): the crossover, if any, is above it. */
  | { readonly state: 'never-faster'; readonly largest: number; readonly largestVerdict: NotFasterVerdict };

/** The verdict as a `FasterVerdict` when it says faster, else undefined. */
function fasterOf(v: Verdict): FasterVerdict | undefined {
  return v.state === 'faster' ? { state: 'faster', n: v.n, p: v.p } : undefined;
}

/** The verdict as a `NotFasterVerdict`; it must not say faster. */
function notFasterOf(v: Verdict): NotFasterVerdict {
  if (v.state === 'too-few' || v.state === 'same') return v;
  return { state: 'slower', n: v.n, p: v.p };
}

/**
 * The smallest size from which every larger size is measurably faster than sequential (by each
 * size's own verdict), and the last size that is not. Sizes are sorted here; a size measurably
 * faster below one that is not (noise, a busy moment) does not move the crossover down.
 */
export function crossoverByVerdict(points: readonly SizeVerdict[]): Crossover {
  if (points.length === 0) throw new RangeError('crossover of no points');
  const sorted = [...points].sort((a, b) => a.size - b.size);
  for (const p of sorted) if (!(p.size > 0)) throw new RangeError(`sizes must be positive, got ${p.size}`);
  let first = sorted.length;
  while (first > 0 && sorted[first - 1]!.verdict.state === 'faster') first--;
  if (first === sorted.length) {
    const largest = sorted[sorted.length - 1]!;
    return { state: 'never-faster', largest: largest.size, largestVerdict: notFasterOf(largest.verdict) };
  }
  if (first === 0) return { state: 'always-faster', smallest: sorted[0]!.size, smallestVerdict: fasterOf(sorted[0]!.verdict)! };
  const below = sorted[first - 1]!;
  const above = sorted[first]!;
  return {
    state: 'crossed',
    size: above.size,
    below: below.size,
    above: above.size,
    belowVerdict: notFasterOf(below.verdict),
    aboveVerdict: fasterOf(above.verdict)!,
    earlierWins: sorted.slice(0, first - 1).filter((p) => p.verdict.state === 'faster').map((p) => p.size),
  };
}

/** One size and a ratio against a level of 1 (a speedup, or a time over a budget): what `crossoverSize` interpolates. */
export interface SizePoint {
  readonly size: number;
  readonly speedup: number;
}

/** Where a ratio first reaches 1 as sizes grow, interpolated; a level, not a contest (see `crossoverByVerdict` for that). */
export type LevelCrossing =
  /**
   * Below 1 under `size` (interpolated between the measured sizes `below` and `above`), at 1 or over at `above`.
   * `laterDips` lists larger sizes where the ratio fell below 1 again.
   */
  | { readonly state: 'crossed'; readonly size: number; readonly below: number; readonly above: number; readonly laterDips: readonly number[] }
  /** At 1 or over at every measured size. */
  | { readonly state: 'always-faster'; readonly smallest: number }
  /** Below 1 even at the largest measured size. */
  | { readonly state: 'never-faster'; readonly largest: number };

/**
 * The size at which a ratio measured at several sizes first reaches 1 (e.g. a round trip that
 * reaches a budget of 1 ms), interpolated linearly in log(size) against log(ratio) with the size
 * before it. It runs no test: for where one mode beats another, use `crossoverByVerdict`, which
 * places the crossover by each size's verdict. Points are sorted here.
 */
export function crossoverSize(points: readonly SizePoint[]): LevelCrossing {
  if (points.length === 0) throw new RangeError('crossover of no points');
  const sorted = [...points].sort((a, b) => a.size - b.size);
  for (const p of sorted) if (!(p.size > 0) || !(p.speedup > 0)) throw new RangeError(`sizes and speedups must be positive, got ${p.size} and ${p.speedup}`);
  const first = sorted.findIndex((p) => p.speedup >= 1);
  if (first === 0) return { state: 'always-faster', smallest: sorted[0]!.size };
  if (first === -1) return { state: 'never-faster', largest: sorted[sorted.length - 1]!.size };
  const a = sorted[first - 1]!;
  const b = sorted[first]!;
  const t = -Math.log(a.speedup) / (Math.log(b.speedup) - Math.log(a.speedup));
  return {
    state: 'crossed',
    size: Math.exp(Math.log(a.size) + t * (Math.log(b.size) - Math.log(a.size))),
    below: a.size,
    above: b.size,
    laterDips: sorted.slice(first + 1).filter((p) => p.speedup < 1).map((p) => p.size),
  };
}
