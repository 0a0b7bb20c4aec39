import { describe, expect, it } from 'vitest';
import { crossoverPhrase } from '../src/experiment/crossover-phrase.ts';
import { crossoverByVerdict } from '../src/measure/crossover.ts';

// A crossover in words: where a mode became measurably faster than sequential, each claim with its
// test's p, and sizes that won before the crossover named as noise rather than hidden.

const workAt = (units: number): string => `${units * 25} µs`;
const faster = (p: number) => ({ state: 'faster', n: 9, p }) as const;
const same = (p: number) => ({ state: 'same', n: 9, p }) as const;

describe('crossoverPhrase', () => {
  it('crossed: from which size, with its p, and the size below with its verdict', () => {
    const c = crossoverByVerdict([
      { size: 4, verdict: same(0.5) },
      { size: 16, verdict: same(0.31) },
      { size: 64, verdict: faster(0.004) },
      { size: 256, verdict: faster(0.0004) },
    ]);
    expect(crossoverPhrase(c, 'parallel', workAt)).toBe(
      'parallel was measurably faster than sequential from 1600 µs of work per task (64 units, p = 0.004) and at every larger size, ' +
        'but not at 16 units (400 µs): no measurable difference (p = 0.310); the crossover lies between the two',
    );
  });

  it('crossed after earlier wins: names the sizes that won before a size that did not, as noise', () => {
    const c = crossoverByVerdict([
      { size: 4, verdict: faster(0.02) },
      { size: 8, verdict: faster(0.03) },
      { size: 16, verdict: { state: 'slower', n: 9, p: 0.01 } },
      { size: 64, verdict: faster(0.004) },
    ]);
    expect(crossoverPhrase(c, 'hybrid', workAt)).toBe(
      'hybrid was measurably faster than sequential from 1600 µs of work per task (64 units, p = 0.004) and at every larger size, ' +
        'but not at 16 units (400 µs): slower (p = 0.010); the crossover lies between the two' +
        ' (at 4, 8 units it was already measurably faster, but not at every size above: noise from a busy machine, or tasks too few to share evenly)',
    );
  });

  it('always faster: the crossover is below the smallest size', () => {
    const c = crossoverByVerdict([
      { size: 16, verdict: faster(0.0001) },
      { size: 4, verdict: faster(0.016) },
    ]);
    expect(crossoverPhrase(c, 'parallel', workAt)).toBe(
      'parallel was measurably faster than sequential at every size, even 100 µs of work per task (p = 0.016): the crossover is below the smallest size',
    );
  });

  it('never faster: not even at the largest size, with that size\'s verdict', () => {
    const c = crossoverByVerdict([
      { size: 4, verdict: faster(0.01) },
      { size: 16, verdict: { state: 'too-few', n: 3 } },
    ]);
    expect(crossoverPhrase(c, 'processes', workAt)).toBe(
      'processes was not measurably faster than sequential even at the largest size, 400 µs of work per task: too few repeats for a verdict (n = 3); no crossover within the sizes measured',
    );
  });
});
