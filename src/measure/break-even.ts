/**
 * The work per call (µs) at which one call per task on a pool would take as long as the plain loop:
 * cost × usable / (usable − 1), where `costUs` is the round trip of an empty call on the same pool and
 * usable = min(threads, cores). Null when only one thread is usable: then no amount of work breaks even.
 */
export function breakEvenUs(costUs: number, threads: number, cores: number): number | null {
  const usable = Math.min(threads, cores);
  if (usable <= 1) return null;
  return (costUs * usable) / (usable - 1);
}
