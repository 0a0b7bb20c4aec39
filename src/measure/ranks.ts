/** Ranks of values (1-based), ties sharing the mean of their ranks, with the tie sizes for variance corrections. */
export interface Ranking {
  /** Rank of each value, in the values' order. */
  readonly ranks: readonly number[];
  /** The size of every group of equal values larger than one. */
  readonly ties: readonly number[];
}

/** Mid-ranks of the values: [10, 20, 20, 30] ranks as [1, 2.5, 2.5, 4], with one tie of 2. */
export function rankWithTies(values: readonly number[]): Ranking {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  // Stryker disable next-line ArrayDeclaration: every slot is assigned below, whatever it starts as
  const ranks = new Array<number>(values.length).fill(0);
  const ties: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && order[end]![0] === order[start]![0]) end++;
    const rank = (start + 1 + end) / 2;
    for (let j = start; j < end; j++) ranks[order[j]![1]] = rank;
    if (end - start > 1) ties.push(end - start);
    start = end;
  }
  return { ranks, ties };
}

/** Sum over tie groups of t^3 - t, the term that shrinks rank-test variances. */
export function tieTerm(ties: readonly number[]): number {
  return ties.reduce((sum, t) => sum + t ** 3 - t, 0);
}
