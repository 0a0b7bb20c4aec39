import type { Crossover } from '../measure/crossover.ts';
import { formatP, verdictPhrase } from '../report/interval-text.ts';

/**
 * One mode's crossover in words, each claim with its test: "parallel was measurably faster than
 * sequential from 1.56 ms of work per task (64 units, p = 0.004) and at every larger size, but not
 * at 16 units (391 µs): no measurable difference (p = 0.310); the crossover lies between the two",
 * or faster at every size, or not measurably faster even at the largest. `workAt` says the work per
 * task of a size in units.
 */
export function crossoverPhrase(c: Crossover, who: string, workAt: (units: number) => string): string {
  switch (c.state) {
    case 'crossed':
      return (
        `${who} was measurably faster than sequential from ${workAt(c.above)} of work per task (${c.above} units, ${formatP(c.aboveVerdict.p)}) and at every larger size, ` +
        `but not at ${c.below} units (${workAt(c.below)}): ${verdictPhrase(c.belowVerdict)}; the crossover lies between the two` +
        (c.earlierWins.length === 0 ? '' : ` (at ${c.earlierWins.join(', ')} units it was already measurably faster, but not at every size above: noise from a busy machine, or tasks too few to share evenly)`)
      );
    case 'always-faster':
      return `${who} was measurably faster than sequential at every size, even ${workAt(c.smallest)} of work per task (${formatP(c.smallestVerdict.p)}): the crossover is below the smallest size`;
    case 'never-faster':
      return `${who} was not measurably faster than sequential even at the largest size, ${workAt(c.largest)} of work per task: ${verdictPhrase(c.largestVerdict)}; no crossover within the sizes measured`;
  }
}
