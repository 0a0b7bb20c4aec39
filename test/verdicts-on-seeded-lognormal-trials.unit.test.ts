import { describe, expect, it } from 'vitest';
import { pairedVerdict, unpairedVerdict, type Verdict } from '../src/measure/verdict.ts';
import { verdictPhrase } from '../src/report/interval-text.ts';
import { createRandom } from '../src/workload/random.ts';

/** n lognormal samples with median `median` and a 3% coefficient of variation (seeded, Box-Muller). */
function lognormal(seed: number, n: number, median: number): number[] {
  const random = createRandom(seed);
  const sigma = Math.sqrt(Math.log(1 + 0.03 ** 2));
  return Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    return median * Math.exp(sigma * z);
  });
}

function trials(judge: (a: number[], b: number[]) => Verdict, shift: number): Record<string, number> {
  const said: Record<string, number> = {};
  for (let t = 0; t < 100; t++) {
    const phrase = verdictPhrase(judge(lognormal(2 * t + 1, 20, 100 * shift), lognormal(2 * t + 2, 20, 100)));
    const key = phrase.replace(/ \(.*$/, '');
    said[key] = (said[key] ?? 0) + 1;
  }
  return said;
}

describe('verdicts on 100 seeded trials of 20 lognormal samples (3% CV)', () => {
  it('Mann-Whitney (compare): one distribution is "no measurable difference" in at least 90, a 10% shift is found in at least 90', () => {
    expect(trials(unpairedVerdict, 1)['no measurable difference']).toBeGreaterThanOrEqual(90);
    expect(trials(unpairedVerdict, 1.1)['slower']).toBeGreaterThanOrEqual(90);
    expect(trials(unpairedVerdict, 1 / 1.1)['faster']).toBeGreaterThanOrEqual(90);
  });

  it('Wilcoxon over 20 paired rounds (within a run): the same', () => {
    expect(trials(pairedVerdict, 1)['no measurable difference']).toBeGreaterThanOrEqual(90);
    expect(trials(pairedVerdict, 1.1)['slower']).toBeGreaterThanOrEqual(90);
  });
});
