import { balancedRounds, orderBalance, type OrderBalance } from './balanced-order.ts';

/** Where a measurement is, for progress displays: "cpu-bound parallel, repeat 2/5". */
export interface Progress {
  readonly label: string;
  /** Rounds warm up or measure; before them an experiment may check its subjects, start its pools, and after them time its costs. */
  readonly phase: 'warm-up' | 'measure' | 'check' | 'start' | 'costs';
  readonly repeat: number;
  readonly of: number;
  /** The whole experiment's time left, when it can estimate it, ms. */
  readonly runLeftMs?: number;
}

/** How `alternate` runs its rounds. */
export interface AlternateOptions<K, R = unknown> {
  /** Timed rounds wanted; from one block of the design up, rounded up to whole blocks (see `alternate`). */
  readonly repeats: number;
  /** Rounds before the timed ones, discarded (JIT, caches, lazy start-up). They follow the design too. With `warm`, the most of them. */
  readonly warmups: number;
  /** Asked after each warm-up round with every warm-up result so far: true ends the warm-up early (warm enough). */
  readonly warm?: (warmedUp: ReadonlyMap<K, readonly R[]>) => boolean;
  readonly onRound?: (subject: K, phase: 'warm-up' | 'measure', round: number, of: number) => void;
  /**
   * Asked after the timed rounds, and after every block added since: true runs one more block of the
   * design (`balance.blockRounds` rounds of every subject; one round for one or two subjects), so
   * that the added rounds keep the balance.
   */
  readonly more?: (kept: ReadonlyMap<K, readonly R[]>) => boolean;
}

/** What `alternate` measured: the timed results of every subject, in run order, and how balanced their order was. */
export interface Alternated<K, R> extends Map<K, R[]> {
  readonly balance: OrderBalance;
  /** Warm-up rounds run: `warmups`, or fewer when `warm` ended them. */
  readonly warmups: number;
}

/**
 * Measures every subject once per round, `warmups` discarded rounds then the timed ones. Subjects
 * take turns within each round, so a slow drift of a shared machine hits them all alike. Whatever
 * ran just before a run may move it (a pool run right after a long one-thread run was once seen to
 * pay about 17 µs a task; measureModes now wakes the pool before each pool run), so what remains is
 * balanced: the rounds follow a design (balanced-order.ts) in which, read as one sequence across
 * round boundaries, each block of n - 1 rounds runs every subject right after every other subject
 * exactly once, and never right after itself. Timed rounds of a block or more are rounded up to whole
 * blocks, so that in the timed runs every subject follows every other equally often (the first timed run
 * follows the last warm-up run; without warm-up it follows nothing and one pair falls one short).
 * `balance` gives the counts, for the experiments to report.
 */
export async function alternate<K, R>(subjects: readonly K[], measure: (subject: K) => Promise<R>, options: AlternateOptions<K, R>): Promise<Alternated<K, R>> {
  const block = balancedRounds(subjects.length);
  const kept = new Map<K, R[]>(subjects.map((s) => [s, []]));
  const counts = subjects.map(() => subjects.map(() => 0));
  // Fewer rounds than one block cannot be balanced however they are ordered: they run as asked (a
  // tiny run stays tiny) and `balance` says how unbalanced they were. From one block up, whole blocks.
  let planned = options.repeats < block.length ? options.repeats : Math.ceil(options.repeats / block.length) * block.length;
  let previous = -1;
  const warmedUp = new Map<K, R[]>(subjects.map((s) => [s, []]));
  let warming = options.warmups > 0;
  let warmups = 0;
  for (let round = 0; ; round++) {
    const timed = round - warmups;
    if (!warming && timed >= planned) {
      // At a block boundary, unless fewer rounds than a block were asked for.
      if (options.more?.(kept) !== true) break;
      planned += block.length;
    }
    for (const index of block[round % block.length]!) {
      const subject = subjects[index]!;
      options.onRound?.(subject, warming ? 'warm-up' : 'measure', warming ? round + 1 : timed + 1, warming ? options.warmups : planned);
      const result = await measure(subject);
      if (warming) warmedUp.get(subject)!.push(result);
      else {
        kept.get(subject)!.push(result);
        if (previous >= 0) counts[previous]![index]!++;
      }
      previous = index;
    }
    if (warming) {
      warmups++;
      warming = warmups < options.warmups && options.warm?.(warmedUp) !== true;
    }
  }
  return Object.assign(kept, { balance: orderBalance(counts, block.length, planned), warmups });
}
