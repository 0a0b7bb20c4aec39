/** Where a measurement is, for progress displays: "cpu-bound parallel, repeat 2/5". */
export interface Progress {
  readonly label: string;
  readonly phase: 'warm-up' | 'measure';
  readonly repeat: number;
  readonly of: number;
}

export interface AlternateOptions<K, R = unknown> {
  readonly repeats: number;
  /** Rounds before the timed ones, discarded (JIT, caches, lazy start-up). */
  readonly warmups: number;
  readonly onRound?: (subject: K, phase: 'warm-up' | 'measure', round: number, of: number) => void;
  /** Asked after the `repeats` kept rounds, and after every round added since: true runs one more round of every subject. */
  readonly more?: (kept: ReadonlyMap<K, readonly R[]>) => boolean;
}

/**
 * Measures every subject once per round, `warmups` discarded rounds then `repeats` kept ones.
 * Subjects take turns within each round, so a slow drift of a shared machine hits them all alike,
 * and the order rotates by one each round, so that no subject always runs right after the same
 * other: a run just after a long one-thread run met idle, cooled-down workers and paid for it
 * (about 17 µs a task for whichever pool mode came first, measured with the order swapped).
 */
export async function alternate<K, R>(subjects: readonly K[], measure: (subject: K) => Promise<R>, options: AlternateOptions<K, R>): Promise<Map<K, R[]>> {
  const kept = new Map<K, R[]>(subjects.map((s) => [s, []]));
  for (let round = 0; round < options.warmups + options.repeats || options.more?.(kept) === true; round++) {
    const warmUp = round < options.warmups;
    const of = warmUp ? options.warmups : Math.max(options.repeats, round - options.warmups + 1);
    for (let k = 0; k < subjects.length; k++) {
      const subject = subjects[(k + round) % subjects.length]!;
      options.onRound?.(subject, warmUp ? 'warm-up' : 'measure', warmUp ? round + 1 : round - options.warmups + 1, of);
      const result = await measure(subject);
      if (!warmUp) kept.get(subject)!.push(result);
    }
  }
  return kept;
}
