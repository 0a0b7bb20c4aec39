/**
 * The order in which `alternate` runs its subjects: a block of rounds, each round a permutation of
 * the subjects, such that the whole sequence (read across round boundaries, and from the end of the
 * block back to its start) runs every subject right after every other subject exactly once, and
 * never right after itself.
 *
 * Why not a Williams square (n rounds, or a pair of squares, 2n rounds, for odd n): it balances the
 * neighbours inside each round only. Read as one sequence, n rounds make n² successions for n(n - 1)
 * ordered pairs of different subjects, so the successions across round boundaries always favour some
 * pairs (for even n, 2 against 1 in every block). A block of n - 1 rounds makes exactly n(n - 1)
 * successions, one per ordered pair, and the construction below achieves it: subjects 0..m-1 are
 * the integers mod m = n - 1, plus one fixed subject ∞; round k is a base round with k added to
 * every integer. Each step of the base (the one across the boundary included) then yields the m
 * successions that share its difference, so a base whose steps have every difference once covers
 * every pair of integers once (and one step to ∞, one from it, cover the pairs with ∞). For odd n the base is (∞, s), s a sequencing of Z_m (the classic Williams row
 * 0, 1, m-1, 2, m-2, ...); for even n it is (0, ∞, c), c an R-sequencing of Z_m (the non-zero
 * integers in a cycle whose steps all differ: the powers of a primitive root when m is prime, found
 * by search otherwise). Past 28 subjects a search may give up: a Williams square then stands in,
 * and `OrderBalance` says how unbalanced it left the order.
 */

/** How evenly a timed sequence ran each subject right after each other one. */
export interface OrderBalance {
  /** Rounds in one block of the design: n - 1 for n subjects (1 for one or two). */
  readonly blockRounds: number;
  /** Timed rounds run: the requested repeats rounded up to whole blocks, plus any blocks added. */
  readonly rounds: number;
  /**
   * `predecessorCounts[a][b]`: timed runs of subject b (in the order given) right after a run of
   * subject a. The last warm-up run counts as the first timed run's predecessor; without warm-up
   * the first timed run has none.
   */
  readonly predecessorCounts: readonly (readonly number[])[];
  /** Fewest and most counts over the ordered pairs of different subjects: equal when the order was balanced (0 for fewer than two subjects). */
  readonly fewest: number;
  readonly most: number;
}

/** Search steps allowed for an R-sequencing of a composite modulus (found in well under a second up to 27). */
const SEARCH_BUDGET = 2_000_000;

const cache = new Map<number, readonly (readonly number[])[]>();

/**
 * One block of the balanced design for `n` subjects: rounds of subject indices, round 0 being the
 * subjects in the order given. Repeat it block after block, as one sequence, for balance.
 */
export function balancedRounds(n: number): readonly (readonly number[])[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`subjects must be a non-negative integer, got ${n}`);
  let rounds = cache.get(n);
  if (rounds === undefined) {
    rounds = relabel(n <= 2 ? [Array.from({ length: n }, (_, i) => i)] : (carryOverBalanced(n) ?? williamsSquare(n)));
    cache.set(n, rounds);
  }
  return rounds;
}

/** Names the subjects so that round 0 is 0, 1, 2, ...: the first round runs them in the order given. */
function relabel(rounds: readonly (readonly number[])[]): readonly (readonly number[])[] {
  const name = new Map(rounds[0]!.map((symbol, i) => [symbol, i]));
  return rounds.map((round) => round.map((symbol) => name.get(symbol)!));
}

/** The n - 1 rounds described above; undefined when no R-sequencing was found within the search budget. */
function carryOverBalanced(n: number): number[][] | undefined {
  const m = n - 1;
  const infinity = m;
  const steps = m % 2 === 0 ? williamsRow(m) : rSequencing(m);
  if (steps === undefined) return undefined;
  const base = m % 2 === 0 ? [infinity, ...steps] : [0, infinity, ...steps];
  return Array.from({ length: m }, (_, k) => base.map((x) => (x === infinity ? x : (x + k) % m)));
}

/** 0, 1, m-1, 2, m-2, ...: for even m its steps are every non-zero integer mod m once (a sequencing). */
function williamsRow(m: number): number[] {
  return Array.from({ length: m }, (_, j) => (j % 2 === 1 ? (j + 1) / 2 : (m - j / 2) % m));
}

/** The non-zero integers mod odd m as a cycle from 1 whose m - 1 steps (the last back to 1 included) all differ. */
function rSequencing(m: number): number[] | undefined {
  if (m === 1) return [];
  const g = primitiveRoot(m);
  // For a prime, the powers of a primitive root: step g^i (g - 1) is different for every i.
  if (g !== undefined) return Array.from({ length: m - 1 }, (_, i) => modPow(g, i, m));
  return searchRSequencing(m);
}

function modPow(base: number, exponent: number, m: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = (result * base) % m;
  return result;
}

/** A generator of the non-zero integers mod m under multiplication, when m is prime; undefined otherwise. */
function primitiveRoot(m: number): number | undefined {
  for (let g = 2; g < m; g++) {
    let x = g;
    let order = 1;
    while (x !== 1 && order < m) {
      x = (x * g) % m;
      order++;
    }
    if (order === m - 1) return g;
  }
  return undefined;
}

/** Depth-first search for a composite m (9, 15, 21, ...), first found wins: deterministic. */
function searchRSequencing(m: number): number[] | undefined {
  const cycle = [1];
  const usedValue = new Uint8Array(m);
  const usedStep = new Uint8Array(m);
  usedValue[0] = usedValue[1] = usedStep[0] = 1;
  let budget = SEARCH_BUDGET;
  const extend = (): boolean => {
    if (--budget < 0) return false;
    const last = cycle[cycle.length - 1]!;
    if (cycle.length === m - 1) return usedStep[(1 - last + m) % m] === 0;
    for (let x = 2; x < m; x++) {
      const step = (x - last + m) % m;
      if (usedValue[x] === 1 || usedStep[step] === 1) continue;
      usedValue[x] = usedStep[step] = 1;
      cycle.push(x);
      if (extend()) return true;
      cycle.pop();
      usedValue[x] = usedStep[step] = 0;
    }
    return false;
  };
  return extend() ? cycle : undefined;
}

/**
 * The fallback, reached only for an even n whose n - 1 is composite and past the search budget (n > 28):
 * a Williams square of n rounds, balanced within rounds only; the counts then say by how much it is off.
 */
function williamsSquare(n: number): number[][] {
  const row = williamsRow(n);
  return Array.from({ length: n }, (_, k) => row.map((x) => (x + k) % n));
}

/** The balance of a timed sequence, from its predecessor counts (see `OrderBalance`). */
export function orderBalance(predecessorCounts: readonly (readonly number[])[], blockRounds: number, rounds: number): OrderBalance {
  const offDiagonal = predecessorCounts.flatMap((row, a) => row.filter((_, b) => a !== b));
  return {
    blockRounds,
    rounds,
    predecessorCounts,
    fewest: offDiagonal.length === 0 ? 0 : Math.min(...offDiagonal),
    most: offDiagonal.length === 0 ? 0 : Math.max(...offDiagonal),
  };
}
