/** One task size of a granularity sweep and the speedup of the parallel run over the sequential one. */
export interface SizePoint {
  readonly size: number;
  readonly speedup: number;
}

/** Where parallel starts to beat sequential as tasks grow. */
export type Crossover =
  /**
   * Slower below `size` (interpolated between the measured sizes `below` and `above`), faster at `above`.
   * `laterDips` lists larger sizes where parallel was slower again: noise, or a machine that was busy.
   */
  | { readonly state: 'crossed'; readonly size: number; readonly below: number; readonly above: number; readonly laterDips: readonly number[] }
  /** Faster at every measured size: the crossover is below the smallest. */
  | { readonly state: 'always-faster'; readonly smallest: number }
  /** Slower even at the largest measured size. */
  | { readonly state: 'never-faster'; readonly largest: number };

/**
 * The task size below which parallel was slower than sequential: the first size, going up, where
 * speedup reaches 1, interpolated with the size before it linearly in log(size) against
 * log(speedup). The first crossing, not the last, because small tasks give the clearest signal:
 * a dip at large sizes, where both runs are close, is more likely noise. Points are sorted here.
 */
export function crossoverSize(points: readonly SizePoint[]): Crossover {
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
