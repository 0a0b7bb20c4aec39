import { describe, expect, it } from 'vitest';
import { MANN_WHITNEY_EXACT_MAX, mannWhitney } from '../src/measure/mann-whitney.ts';
import { WILCOXON_EXACT_MAX, wilcoxonSignedRank } from '../src/measure/wilcoxon-signed-rank.ts';
import { pairedVerdict, unpairedVerdict } from '../src/measure/verdict.ts';

const constant = (n: number, value = 5): number[] => new Array<number>(n).fill(value);

// Sizes on both sides of the exact/normal boundary: the normal approximation divides by a variance that all ties make zero.
const unpairedSizes = [6, MANN_WHITNEY_EXACT_MAX / 2, MANN_WHITNEY_EXACT_MAX / 2 + 1, 100];
const pairedSizes = [6, WILCOXON_EXACT_MAX, WILCOXON_EXACT_MAX + 1, 100];

describe('rank tests read samples that all tie as no measurable difference, with p = 1', () => {
  it.each(unpairedSizes)('Mann-Whitney, %i identical constant samples a side', (n) => {
    const test = mannWhitney(constant(n), constant(n));
    expect(test.p).toBe(1);
    expect(test.superiority).toBe(0.5);
    expect(unpairedVerdict(constant(n), constant(n))).toEqual({ state: 'same', n, p: 1 });
  });

  it('Mann-Whitney, unequal set sizes past the exact limit, all tied', () => {
    expect(mannWhitney(constant(40), constant(43))).toMatchObject({ p: 1, method: 'normal' });
    expect(unpairedVerdict(constant(40), constant(43))).toEqual({ state: 'same', n: 40, p: 1 });
  });

  it.each(pairedSizes)('Wilcoxon, %i identical constant pairs', (n) => {
    expect(wilcoxonSignedRank(constant(n), constant(n)).p).toBe(1);
    expect(pairedVerdict(constant(n), constant(n))).toEqual({ state: 'same', n, p: 1 });
  });

  it.each(pairedSizes)('Wilcoxon, %i pairs apart by one constant: every difference ties, and p is still a number', (n) => {
    const verdict = pairedVerdict(constant(n, 5), constant(n, 6));
    expect(verdict.state).toBe('faster');
    expect(verdict.state !== 'too-few' && Number.isFinite(verdict.p) && verdict.p < 0.05).toBe(true);
  });
});
