/** Why a pool of one call per task can never catch up with the plain loop. */
export type NoBreakEven = 'one-thread' | 'slowdown';

/** The work per call at which one call per task on a pool takes as long as the plain loop. */
export type BreakEven = { readonly us: number } | { readonly us: null; readonly because: NoBreakEven };

/** What a hand-off costs, all measured in the same run. */
export interface HandOffCosts {
  /** Round trip of an empty call on the pool, µs. */
  readonly emptyUs: number;
  /** Moving one input to a worker and its result back, beyond the empty call, µs. */
  readonly transferUs: number;
  /** The function's time per call in a busy worker against the main thread's (1 = as fast). */
  readonly workerSlowdown: number;
  readonly threads: number;
  readonly cores: number;
}

/**
 * The loop pays c a call; a pool of u usable threads (u = min(threads, cores)) pays, per call, the
 * hand-off (the empty round trip plus the transfer, e + x, spent one task after another) and the work
 * slowed down in a worker and spread over the threads (s · c / u). They are equal at
 * c = (e + x) · u / (u − s). No break-even when u ≤ 1 (no parallelism) or s ≥ u (the workers lose
 * to their own slowdown whatever the work).
 */
export function breakEven(costs: HandOffCosts): BreakEven {
  const usable = Math.min(costs.threads, costs.cores);
  if (usable <= 1) return { us: null, because: 'one-thread' };
  if (costs.workerSlowdown >= usable) return { us: null, because: 'slowdown' };
  return { us: ((costs.emptyUs + costs.transferUs) * usable) / (usable - costs.workerSlowdown) };
}

/** Where a call sits against the break-even: outside ±25% it is well below or above; inside, inclusive, near. */
export type BreakEvenMargin = 'well below' | 'near' | 'well above';

/** The margin beyond which the call's side of the break-even is taken as settled: 25%. */
export const NEAR_BREAK_EVEN = 0.25;

export function breakEvenMargin(callUs: number, breakEvenUs: number): BreakEvenMargin {
  const ratio = callUs / breakEvenUs;
  if (ratio < 1 - NEAR_BREAK_EVEN) return 'well below';
  if (ratio > 1 + NEAR_BREAK_EVEN) return 'well above';
  return 'near';
}
