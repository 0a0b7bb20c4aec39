/** One measured repeat as saved: its wall time and the round it ran in (modes take turns within a round). */
export interface Sample {
  /** 1-based; samples of different modes with the same round ran back to back. */
  readonly round: number;
  readonly wallMs: number;
  /** Other programs' CPU during this run, in cores; only on runs of `FOREIGN_CPU_MIN_ROUND_MS` or more, where the system says. */
  readonly foreignCpuCores?: number;
}

/** Wall times in run order, one per round, as samples, each with other programs' CPU where it was measured. */
export function samplesOf(wallMs: readonly number[], foreignCpuCores: readonly (number | null)[] = []): Sample[] {
  return wallMs.map((ms, i) => {
    const foreign = foreignCpuCores[i];
    return { round: i + 1, wallMs: ms, ...(typeof foreign === 'number' && { foreignCpuCores: foreign }) };
  });
}

/** Other programs' CPU averaged over the samples that measured it, in cores, or `undefined` where none did. */
export function meanForeignCpuCores(samples: readonly Sample[]): number | undefined {
  const measured = samples.flatMap((s) => (s.foreignCpuCores === undefined ? [] : [s.foreignCpuCores]));
  return measured.length === 0 ? undefined : measured.reduce((a, b) => a + b, 0) / measured.length;
}

/** Wall times of the rounds both sets ran, in round order: the pairs a paired test needs. */
export function pairByRound(a: readonly Sample[], b: readonly Sample[]): { readonly a: number[]; readonly b: number[] } {
  const other = new Map(b.map((s) => [s.round, s.wallMs]));
  const pairs = a.filter((s) => other.has(s.round));
  return { a: pairs.map((s) => s.wallMs), b: pairs.map((s) => other.get(s.round)!) };
}
