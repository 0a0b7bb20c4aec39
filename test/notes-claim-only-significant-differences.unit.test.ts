import { describe, expect, it } from 'vitest';
import { comparedWith, fasterOrSlower, verdictBetween } from '../src/experiment/compared-with.ts';
import type { ModeFigures } from '../src/experiment/mode-rows.ts';
import { samplesOf } from '../src/measure/samples.ts';
import { formatP, medianWithInterval, outlierWarning, speedupWithInterval, verdictLegend, verdictPhrase } from '../src/report/interval-text.ts';

const figures = (wallMs: number[]): ModeFigures => ({
  workload: 'w', mode: 'parallel', threads: 2, medianMs: 0, minMs: 0, maxMs: 0, speedup: 1, checksumOk: true, samples: samplesOf(wallMs),
});

describe('notes claim "faster" or "slower" only when the difference is significant', () => {
  it('too few repeats: the ratio, and no claim', () => {
    expect(fasterOrSlower(1.89, { state: 'too-few', n: 5 })).toBe('1.89x the speed, too few repeats for a verdict (n = 5)');
    expect(comparedWith(1.89, 'sequential', { state: 'too-few', n: 5 })).toBe('1.89x the speed of sequential, too few repeats for a verdict (n = 5)');
  });

  it('not significant: no measurable difference, with the ratio and p', () => {
    expect(fasterOrSlower(1.02, { state: 'same', n: 7, p: 0.4375 })).toBe('as fast: no measurable difference (1.02x, p = 0.438)');
    expect(comparedWith(0.97, 'parallel', { state: 'same', n: 7, p: 0.4375 })).toBe('no measurable difference from parallel (0.97x, p = 0.438)');
  });

  it('significant: faster or slower, with p', () => {
    expect(fasterOrSlower(1.89, { state: 'faster', n: 7, p: 0.015625 })).toBe('1.89x faster (p = 0.016)');
    expect(fasterOrSlower(0.8, { state: 'slower', n: 7, p: 0.0004 })).toBe('1.25x slower (p < 0.001)');
    expect(comparedWith(1.89, 'sequential', { state: 'faster', n: 7, p: 0.015625 })).toBe('1.89x faster than sequential (p = 0.016)');
    expect(comparedWith(1.001, 'sequential', { state: 'faster', n: 7, p: 0.015625 })).toBe('about as fast as sequential (p = 0.016)');
  });

  it('figures without samples keep the bare ratio wording', () => {
    expect(fasterOrSlower(1.89)).toBe('1.89x faster');
    expect(fasterOrSlower(0.8)).toBe('1.25x slower');
    expect(fasterOrSlower(1.001)).toBe('as fast');
    expect(comparedWith(1.001, 'sequential')).toBe('about as fast as sequential');
    expect(comparedWith(2, 'sequential')).toBe('2.00x faster than sequential');
  });

  it('pairs two rows by round for the verdict', () => {
    const base = [100, 101, 102, 103, 104, 105, 106];
    expect(verdictBetween(figures(base.map((x) => x / 2)), figures(base))).toEqual({ state: 'faster', n: 7, p: 0.015625 });
    expect(verdictBetween(figures([1, 2, 3]), figures([4, 5, 6]))).toEqual({ state: 'too-few', n: 3 });
    expect(verdictBetween({ ...figures(base), samples: undefined }, figures(base))).toBeUndefined();
    expect(verdictBetween(figures(base), { ...figures(base), samples: undefined })).toBeUndefined();
  });
});

describe('interval and verdict text for tables', () => {
  const row = { workload: 'cpu-bound', mode: 'parallel', repeats: 9, medianMs: 812.4, medianLowMs: 798.2, medianHighMs: 830.9, medianCoverage: 0.96, speedup: 1.894, speedupLow: 1.851, speedupHigh: 1.932 };
  it('shows the median with its interval, and the coverage only when below 95%', () => {
    expect(medianWithInterval(row)).toBe('812 [798-831]');
    expect(medianWithInterval({ ...row, repeats: 5, medianCoverage: 0.9375 })).toBe('812 [798-831] 94%');
    expect(medianWithInterval({ ...row, medianCoverage: 0.95 })).toBe('812 [798-831]');
    expect(medianWithInterval({ ...row, repeats: 1 })).toBe('812');
  });

  it('shows the speedup with its interval, marked ~ (no difference) or ? (too few)', () => {
    expect(speedupWithInterval(row)).toBe('1.89x [1.85-1.93]');
    expect(speedupWithInterval({ ...row, verdict: { state: 'faster', n: 9, p: 0.004 } })).toBe('1.89x [1.85-1.93]');
    expect(speedupWithInterval({ ...row, verdict: { state: 'same', n: 9, p: 0.4 } })).toBe('1.89x [1.85-1.93] ~');
    expect(speedupWithInterval({ ...row, verdict: { state: 'too-few', n: 5 } })).toBe('1.89x [1.85-1.93] ?');
    expect(speedupWithInterval({ ...row, repeats: 1 })).toBe('1.89x');
  });

  it('names outliers by round, and explains the marks once', () => {
    expect(outlierWarning({ ...row, outlierRounds: [] })).toEqual([]);
    expect(outlierWarning({ ...row, outlierRounds: [3, 7] })).toEqual([
      '2 of 9 repeats of cpu-bound parallel were outliers (rounds 3, 7, over 10 scaled MADs from the median): the machine was busy? They stay in the median.',
    ]);
    expect(outlierWarning({ ...row, outlierRounds: [4] })[0]).toMatch(/^1 of 9 repeats of cpu-bound parallel was an outlier \(round 4,/);
    expect(verdictLegend([{ verdict: { state: 'faster', n: 7, p: 0.01 } }], 'sequential')).toEqual([]);
    expect(verdictLegend([{ verdict: { state: 'same', n: 7, p: 0.3 } }, { verdict: { state: 'too-few', n: 5 } }], 'sequential')).toEqual([
      '~ no measurable difference from sequential (Wilcoxon signed-rank over paired rounds, p >= 0.05).',
      '? too few repeats for a verdict (n = 5): a paired test needs 6 rounds or more.',
    ]);
  });

  it('says verdicts in words, p to three decimals', () => {
    expect(formatP(0.0390625)).toBe('p = 0.039');
    expect(formatP(0.001)).toBe('p = 0.001');
    expect(formatP(0.000999)).toBe('p < 0.001');
    expect(verdictPhrase({ state: 'too-few', n: 5 })).toBe('too few repeats for a verdict (n = 5)');
    expect(verdictPhrase({ state: 'same', n: 8, p: 0.43 })).toBe('no measurable difference (p = 0.430)');
    expect(verdictPhrase({ state: 'slower', n: 8, p: 0.02 })).toBe('slower (p = 0.020)');
  });
});
