import { describe, expect, it } from 'vitest';
import { experiments } from '../experiments/catalogue.ts';
import { comparesUntested, sentencesOf, untestedClaims } from './helpers/claims.ts';
import { everyExperimentsFigures } from './helpers/every-experiment-figures.ts';

describe('the claims rule itself', () => {
  it('flags a ratio or a comparative word without a verdict, and accepts one with p, an interval, a named test or no measurable difference', () => {
    expect(comparesUntested('processes ran at 1.92x the sequential speed.')).toBe(true);
    expect(comparesUntested('once warm, a process computes as fast as a thread.')).toBe(true);
    expect(comparesUntested('one interleaving thread beat 2 worker threads.')).toBe(true);
    expect(comparesUntested('the threads cost more than they bought.')).toBe(true);
    expect(comparesUntested('the processes took 1.10x the threads\' time, 10% slower (p = 0.016).')).toBe(false);
    expect(comparesUntested('the processes took 0.98x [0.94-1.03] the threads\' time.')).toBe(false);
    expect(comparesUntested('0.98x: no measurable difference, Wilcoxon signed-rank over 7 paired rounds.')).toBe(false);
    expect(comparesUntested('1.91x the speed of sequential, too few repeats for a verdict (n = 3).')).toBe(false);
    expect(comparesUntested('the tsx loader adds 177 ms to a process (48% of its start-up).')).toBe(false);
    expect(comparesUntested('checksum 0x1f of 8 tasks x 4 waits.')).toBe(false);
  });

  it('reads sentences as a reader does: not split at decimals or abbreviations', () => {
    expect(sentencesOf('It took 1.92x (p = 0.016). Then e.g. a 2.5 ms wait. Done!')).toEqual(['It took 1.92x (p = 0.016).', 'Then e.g. a 2.5 ms wait.', 'Done!']);
  });
});

describe('every comparison in an experiment\'s sentences cites its test', () => {
  const figures = everyExperimentsFigures();

  it('has figures for all 16 experiments of the catalogue, and nothing else', () => {
    expect([...figures.keys()].sort()).toEqual(experiments.map((e) => e.name).sort());
    expect(figures.size).toBe(16);
  });

  it.each(experiments.map((e) => e.name))('%s', (name) => {
    const flagged = figures.get(name)!().flatMap((c) => untestedClaims(c.analyse()).map((sentence) => `[${c.figures}] ${sentence}`));
    expect(flagged).toEqual([]);
  });
});
