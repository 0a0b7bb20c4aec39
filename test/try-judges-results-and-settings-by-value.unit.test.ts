import { describe, expect, it } from 'vitest';
import { breakEven, breakEvenMargin } from '../src/measure/break-even.ts';
import { cloneHash, uncloneablePart } from '../src/runtime/user-function/clone-hash.ts';
import { analyseTry, type TryFigures } from '../src/report/try-analysis.ts';
import { alikeInputs, syncTryOnTwoCores, type PoolMs } from './helpers/try-figures.ts';

describe('results are compared by the hash of their structured-clone bytes', () => {
  it('gives a Buffer and a Uint8Array of the same bytes the same hash, and different bytes a different one', () => {
    expect(cloneHash({ out: Buffer.from([1, 2, 3]) })).toBe(cloneHash({ out: new Uint8Array([1, 2, 3]) }));
    expect(cloneHash({ out: Buffer.from([1, 2, 3]) })).not.toBe(cloneHash({ out: Buffer.from([1, 2, 4]) }));
  });

  it('gives a number the same hash whether V8 holds it as a small integer or as a double', () => {
    const asDouble = new Float64Array([943484356])[0]!;
    const asInteger = 943484356 | 0;
    expect(cloneHash([asDouble])).toBe(cloneHash([asInteger]));
    expect(cloneHash(1)).not.toBe(cloneHash(2));
  });

  it('names what cannot be cloned and where', () => {
    expect(uncloneablePart({ a: [1, { f: () => 1 }] })).toBe('a function at .a[1].f');
    expect(uncloneablePart(Symbol('s'))).toBe('a symbol');
    expect(uncloneablePart({ fine: new Map([[1, 'x']]) })).toBeUndefined();
  });
});

describe('break-even work per call', () => {
  const costs = { emptyUs: 40, transferUs: 0, workerSlowdown: 1, threads: 2, cores: 2 };
  it('is (empty call + transfer) x usable / (usable - slowdown), with usable = min(threads, cores)', () => {
    expect(breakEven(costs)).toEqual({ us: 80 });
    expect(breakEven({ ...costs, transferUs: 20 })).toEqual({ us: 120 });
    expect(breakEven({ ...costs, workerSlowdown: 1.5 })).toEqual({ us: 160 });
    expect(breakEven({ ...costs, emptyUs: 30, threads: 8, cores: 4 })).toEqual({ us: 40 });
  });

  it('has none with one usable thread, or when a worker is slowed by as much as the usable threads', () => {
    expect(breakEven({ ...costs, threads: 1, cores: 8 })).toEqual({ us: null, because: 'one-thread' });
    expect(breakEven({ ...costs, threads: 8, cores: 1 })).toEqual({ us: null, because: 'one-thread' });
    expect(breakEven({ ...costs, workerSlowdown: 2 })).toEqual({ us: null, because: 'slowdown' });
    expect(breakEven({ ...costs, workerSlowdown: 1.99 }).us).toBeCloseTo(8_000, 6);
  });

  it('words the margin: near within 25% either side, inclusive', () => {
    expect([0.74, 0.75, 1, 1.25, 1.26].map((r) => breakEvenMargin(r * 80, 80))).toEqual(['well below', 'near', 'near', 'near', 'well above']);
  });
});

/** Nine rounds: enough for a setting chosen among five to pass Holm's correction when every round agrees. */
const rounds = (ms: number): number[] => [ms, ms * 1.01, ms * 0.99, ms * 1.02, ms * 0.98, ms * 1.005, ms, ms * 1.003, ms * 0.997];

function figures(poolMs: PoolMs, overrides: Partial<TryFigures> = {}): TryFigures {
  return {
    ...syncTryOnTwoCores(rounds, poolMs),
    callMs: Array.from({ length: 10 }, () => rounds(10)),
    ...alikeInputs({ inputs: 10, inputBytes: 100, resultBytes: 10, sendUs: 42, receiveUs: 41, emptyUs: 40, warmupRounds: 2 }),
    runMs: 5_000,
    ...overrides,
  };
}

describe('the verdict follows the figures', () => {
  it('names the fastest pool setting and says from what batch size batching pays', () => {
    const { facts, notes } = analyseTry(figures((t, b) => (t === 2 ? (b === 4 ? 40 : 55) : 100)));
    expect(facts).toMatchObject({ bestMode: 'pool', bestThreads: 2, bestBatch: 4, breakEvenUs: 86, batchPaysFrom: 4 });
    expect(facts.bestSpeedup).toBeCloseTo(2.5, 5);
    expect(notes[0]).toMatch(/^Verdict: use a pool of 2 threads with 4 calls a task: 2\.50x/);
  });

  it('keeps the plain loop when no setting is measurably faster, and leaves settings with different results out', () => {
    const base = figures(() => 300);
    const { facts, notes } = analyseTry({ ...base, subjects: base.subjects.map((s, i) => (i === 3 ? { ...s, wallMs: rounds(20), checksumOk: false, firstDifferent: 7 } : s)) });
    expect(facts).toMatchObject({ bestMode: 'baseline', bestThreads: 0, bestBatch: 0 });
    expect(notes[0]).toContain('RESULTS DIFFER: pool of 2 with batch 1 from input 7');
    expect(notes[1]).toMatch(/^Verdict: keep the plain loop/);
  });

  it('says data transfer dominates when moving the data costs more than the call and the empty call', () => {
    const { notes } = analyseTry(figures(() => 300, { sendRoundTripsUs: Array.from({ length: 10 }, () => [940, 940, 940]), callMs: Array.from({ length: 10 }, () => rounds(0.01)) }));
    expect(notes.join('\n')).toContain('Data transfer dominates');
    expect(analyseTry(figures(() => 300)).notes.join('\n')).not.toContain('Data transfer dominates');
  });
});
