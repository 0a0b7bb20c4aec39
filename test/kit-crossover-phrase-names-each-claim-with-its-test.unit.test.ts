import { describe, expect, it } from 'vitest';
import { crossoverPhrase } from '../src/experiment/crossover-phrase.ts';
import { crossoverByVerdict } from '../src/measure/crossover.ts';
import type { Verdict } from '../src/measure/verdict.ts';

// A crossover in words: where a mode became measurably faster than sequential, each claim with its
// test's p, and sizes that won before the crossover named as noise rather than hidden.

const workAt = (units: number): string => `${units * 25} µs`;
const faster = (p: number) => ({ state: 'faster', n: 9, p }) as const;
const same = (p: number) => ({ state: 'same', n: 9, p }) as const;

/** The phrase for `mode` whose sizes had these verdicts, given as [units, verdict] in the order they were measured. */
const phraseFor = (mode: string, verdicts: readonly (readonly [number, Verdict])[]): string =>
  crossoverPhrase(crossoverByVerdict(verdicts.map(([size, verdict]) => ({ size, verdict }))), mode, workAt);

describe('crossoverPhrase', () => {
  it('crossed: from which size, with its p, and the size below with its verdict', () => {
    expect(phraseFor('parallel', [[4, same(0.5)], [16, same(0.31)], [64, faster(0.004)], [256, faster(0.0004)]])).toBe(
      'parallel was measurably faster than sequential from 1600 µs of work per task (64 units, p = 0.004) and at every larger size, ' +
        'but not at 16 units (400 µs): no measurable difference (p = 0.310); the crossover lies between the two',
    );
  });

  it('crossed after earlier wins: names the sizes that won before a size that did not, as noise', () => {
    expect(phraseFor('hybrid', [[4, faster(0.02)], [8, faster(0.03)], [16, { state: 'slower', n: 9, p: 0.01 }], [64, faster(0.004)]])).toBe(
      'hybrid was measurably faster than sequential from 1600 µs of work per task (64 units, p = 0.004) and at every larger size, ' +
        'but not at 16 units (400 µs): slower (p = 0.010); the crossover lies between the two' +
        ' (at 4, 8 units it was already measurably faster, but not at every size above: noise from a busy machine, or tasks too few to share evenly)',
    );
  });

  it('always faster: the crossover is below the smallest size', () => {
    expect(phraseFor('parallel', [[16, faster(0.0001)], [4, faster(0.016)]])).toBe(
      'parallel was measurably faster than sequential at every size, even 100 µs of work per task (p = 0.016): the crossover is below the smallest size',
    );
  });

  it('never faster: not even at the largest size, with that size\'s verdict', () => {
    expect(phraseFor('processes', [[4, faster(0.01)], [16, { state: 'too-few', n: 3 }]])).toBe(
      'processes was not measurably faster than sequential even at the largest size, 400 µs of work per task: too few repeats for a verdict (n = 3); no crossover within the sizes measured',
    );
  });
});
