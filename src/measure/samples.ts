/** One measured repeat as saved: its wall time and the round it ran in (modes take turns within a round). */
export interface Sample {
  /** 1-based; samples of different modes with the same round ran back to back. */
  readonly round: number;
  readonly wallMs: number;
}

/** Wall times in run order, one per round, as samples. */
export function samplesOf(wallMs: readonly number[]): Sample[] {
  return wallMs.map((ms, i) => ({ round: i + 1, wallMs: ms }));
}

/** Wall times of the rounds both sets ran, in round order: the pairs a paired test needs. */
export function pairByRound(a: readonly Sample[], b: readonly Sample[]): { readonly a: number[]; readonly b: number[] } {
  const other = new Map(b.map((s) => [s.round, s.wallMs]));
  const pairs = a.filter((s) => other.has(s.round));
  return { a: pairs.map((s) => s.wallMs), b: pairs.map((s) => other.get(s.round)!) };
}
