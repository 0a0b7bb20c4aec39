/**
 * The Karp-Flatt metric: the serial fraction e(n) = (1/S - 1/n) / (1 - 1/n) that would
 * explain a measured speedup S on n threads under Amdahl's law. If e stays flat as n grows,
 * the limit is serial work; if it climbs, the limit is overhead that grows with n (or, past
 * the core count, threads that have no core to run on).
 * Defined for n >= 2: with one thread there is nothing to explain.
 */
export function karpFlatt(speedup: number, threads: number): number {
  if (!Number.isInteger(threads) || threads < 2) throw new RangeError(`the Karp-Flatt metric needs threads >= 2, got ${threads}`);
  if (!(speedup > 0)) throw new RangeError(`speedup must be positive, got ${speedup}`);
  return (1 / speedup - 1 / threads) / (1 - 1 / threads);
}
