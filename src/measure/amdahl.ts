/** One measured point of a scaling curve: the speedup reached with `threads` threads. */
export interface SpeedupPoint {
  readonly threads: number;
  readonly speedup: number;
}

/** The speedup Amdahl's law allows on `n` processors when a fraction `serialFraction` of the work cannot run in parallel. */
export function amdahlSpeedup(serialFraction: number, n: number): number {
  return 1 / (serialFraction + (1 - serialFraction) / n);
}

/** Amdahl's law fitted to measured speedups. */
export interface AmdahlFit {
  /** The least-squares serial fraction s, clamped to [0, 1]. */
  readonly serialFraction: number;
  /** The ceiling no number of processors can pass: 1 / s (Infinity when s = 0). */
  readonly maxSpeedup: number;
  /** Root mean square of (measured - fitted) speedup over the points used. */
  readonly rmsError: number;
  /** How many points the fit used. */
  readonly points: number;
}

/**
 * Fits s in S(n) = 1 / (s + (1 - s) / n) by least squares on the measured time ratio
 * 1/S = T(n)/T(1), in which the law is linear: 1/S - 1/n = s (1 - 1/n). With
 * x = 1 - 1/n and y = 1/S - 1/n, the least-squares s is sum(x y) / sum(x x): a weighted
 * mean of each point's Karp-Flatt fraction y / x, weighted by x squared.
 * Points with one thread carry no information (x = 0). `undefined` when no point has more.
 */
export function fitAmdahl(points: readonly SpeedupPoint[]): AmdahlFit | undefined {
  let sxy = 0;
  let sxx = 0;
  for (const { threads, speedup } of points) {
    if (!(speedup > 0)) throw new RangeError(`speedup must be positive, got ${speedup} at ${threads} threads`);
    const x = 1 - 1 / threads;
    sxy += x * (1 / speedup - 1 / threads);
    sxx += x * x;
  }
  if (sxx === 0) return undefined;
  const serialFraction = Math.min(1, Math.max(0, sxy / sxx));
  const squares = points.reduce((sum, p) => sum + (p.speedup - amdahlSpeedup(serialFraction, p.threads)) ** 2, 0);
  return {
    serialFraction,
    // Stryker disable next-line ConditionalExpression: equivalent; 1 / 0 is Infinity too, the branch only says so.
    maxSpeedup: serialFraction === 0 ? Number.POSITIVE_INFINITY : 1 / serialFraction,
    rmsError: Math.sqrt(squares / points.length),
    points: points.length,
  };
}
