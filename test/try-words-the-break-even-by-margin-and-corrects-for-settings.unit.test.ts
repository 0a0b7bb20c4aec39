import { describe, expect, it } from 'vitest';
import { analyseTry, type TryFigures } from '../src/report/try-analysis.ts';
import { decideFaster } from '../src/report/try-verdicts.ts';
import { alikeInputs, syncTryOnTwoCores, type PoolMs } from './helpers/try-figures.ts';

/** `n` rounds around `ms` (their median), every one a little different, in the same order for every setting. */
const around = (ms: number, n = 9): number[] => Array.from({ length: n }, (_, i) => ms * (1 + (((i * 7) % 5) - 2) / 500));
const perInput = (ms: number, n = 9): number[][] => Array.from({ length: 8 }, () => around(ms, n));

/** Eight inputs on 2 cores; the empty call 40 µs and no transfer: the break-even is 80 µs, unless the worker is slower. */
function figures(callUs: number, poolMs: PoolMs, o: { n?: number; workerFactor?: number; batches?: number[]; inputs?: number } = {}): TryFigures {
  const n = o.n ?? 9;
  const inputs = o.inputs ?? 8;
  // In the workers, the calls take `workerFactor` times the loop's calls of the same round.
  const workerCallMs = around(callUs / 1000, n).map((ms) => ms * inputs * (o.workerFactor ?? 1));
  return {
    ...syncTryOnTwoCores((ms) => around(ms, n), poolMs, o.batches, { workerCallMs }),
    callMs: perInput(callUs / 1000, n).slice(0, inputs),
    ...alikeInputs({ inputs, inputBytes: 20, resultBytes: 10, sendUs: 40, receiveUs: 40, emptyUs: 40, warmupRounds: 3 }),
    // Alike but for their sizes.
    inputBytes: [20, 25, 26, 30, 12, 40, 25, 26].slice(0, inputs),
    runMs: 7_000,
  };
}

const twoThreadsPay: PoolMs = (t) => (t === 2 ? 55 : 100);
const nothingPays: PoolMs = () => 100;
const note = (f: TryFigures): string => analyseTry(f).notes.find((n) => n.startsWith('One call takes') || n.startsWith('There is no break-even'))!;

describe('the break-even note is worded by margin, and never against the rows', () => {
  it('at 0.5x the break-even: well below', () => {
    const { facts } = analyseTry(figures(40, nothingPays));
    expect(facts).toMatchObject({ breakEvenUs: 80, breakEvenMargin: 'well below', workerSlowdown: 1, transferUs: 0 });
    expect(note(figures(40, nothingPays))).toContain('This function is well below it (0.50x the break-even): one call a task cannot pay');
  });

  it('at 0.8x and 1.0x: near the break-even, measure, do not assume', () => {
    for (const [callUs, ratio] of [[64, '0.80x'], [80, '1.00x']] as const) {
      const text = note(figures(callUs, twoThreadsPay));
      expect(text).toContain(`near the break-even (within ±25%, inclusive; ${ratio} the break-even): measure, don't assume; the rows decide`);
      expect(text).not.toMatch(/well (above|below)/);
    }
  });

  it('at 2x: well above, and no "yet" while one call a task on 2 threads was measurably faster', () => {
    const text = note(figures(160, twoThreadsPay));
    expect(text).toContain('This function is well above it (2.00x the break-even).');
    expect(text).not.toContain('Yet');
  });

  it('says when its own rows disagree with the side it names: the rows decide', () => {
    expect(note(figures(160, nothingPays))).toContain('Yet here one call a task on 2 usable threads was not measurably faster than the loop: the rows decide.');
    expect(note(figures(40, twoThreadsPay))).toContain('Yet here one call a task on 2 usable threads was measurably faster than the loop: the rows decide.');
  });

  it('counts the slowdown in a worker, and has no break-even when it reaches the usable threads, with the reason', () => {
    expect(analyseTry(figures(160, twoThreadsPay, { workerFactor: 1.5 })).facts).toMatchObject({ breakEvenUs: 160, breakEvenMargin: 'near' });
    const { facts } = analyseTry(figures(160, nothingPays, { workerFactor: 2.4 }));
    expect(facts).toMatchObject({ breakEvenUs: null, noBreakEven: 'slowdown', breakEvenMargin: null });
    expect(facts.workerSlowdown).toBeCloseTo(2.4, 6);
    expect(note(figures(160, nothingPays, { workerFactor: 2.4 }))).toMatch(/^There is no break-even: .* in the workers of the pool the function takes 2\.40x its time in the loop, no less than the 2 usable threads/);
    expect(note(figures(160, twoThreadsPay, { workerFactor: 2.4 }))).toContain('Yet here one call a task on 2 usable threads was measurably faster than the loop: the rows decide.');
  });
});

describe('the slowdown in the workers', () => {
  /** The calls in the workers take `factor(threads, batch)` times the loop's calls of the same round. */
  const timed = (batches: number[], factor: (threads: number, batch: number) => number): TryFigures => {
    const f = figures(160, twoThreadsPay, { batches });
    return { ...f, subjects: f.subjects.map((s) => (s.mode === 'pool' ? { ...s, workerCallMs: s.workerCallMs!.map((ms) => ms * factor(s.threads, s.batch)) } : s)) };
  };

  it('is read at the usable threads, in the largest batch that still gives every thread a task', () => {
    const factor = (t: number, b: number): number => (t === 1 ? 9 : b === 1 ? 3 : 1.2);
    expect(analyseTry(timed([1, 4], factor)).facts.workerSlowdown).toBeCloseTo(1.2, 9);
    // Batch 64 of 8 inputs is one task: one thread busy, so batch 1 stands in.
    expect(analyseTry(timed([1, 64], factor)).facts.workerSlowdown).toBeCloseTo(3, 9);
  });
});

describe('"faster" is one rule: Holm over the settings chosen among, and an interval clear of 1', () => {
  it('with 7 rounds a setting chosen among 4 cannot pass, and the mark and legend say so; with 9 it can', () => {
    const seven = analyseTry(figures(160, twoThreadsPay, { n: 7 }));
    expect(seven.facts.bestMode).toBe('baseline');
    expect(seven.rows.filter((r) => r.mode === 'pool' && r.threads === 2).every((r) => r.verdict.state === 'same')).toBe(true);
    expect(seven.tables[0]!.rows[3]![4]).toMatch(/ ~$/);
    expect(seven.tables[0]!.warnings?.join(' ')).toContain('p Holm-corrected over the 4 settings chosen among, below 0.05, and the 95% interval above 1');
    expect(seven.notes).toContain('With 7 rounds no setting could be called faster: chosen among 4, its p is corrected 4-fold (Holm), and 7 rounds cannot get below 0.05 / 4; give --repeats 8 or more.');
    const nine = analyseTry(figures(160, twoThreadsPay));
    expect(nine.facts).toMatchObject({ bestMode: 'pool', bestThreads: 2 });
    expect(nine.rows.find((r) => r.threads === 2 && r.batch === 1)!.verdict.state).toBe('faster');
  });

  it('never calls a row faster while its interval spans 1', () => {
    const [v] = decideFaster([{ verdict: { state: 'faster', n: 9, p: 0.004 }, low: 0.99, high: 1.91, candidate: true }]);
    expect(v).toEqual({ state: 'same', n: 9, p: 0.004 });
    const [w] = decideFaster([{ verdict: { state: 'faster', n: 9, p: 0.004 }, low: 1.01, high: 1.91, candidate: true }]);
    expect(w!.state).toBe('faster');
  });

  it('corrects p by Holm over candidates only, and leaves too-few verdicts alone', () => {
    const verdicts = decideFaster([
      { verdict: { state: 'faster', n: 9, p: 0.03 }, low: 1.2, high: 1.5, candidate: true },
      { verdict: { state: 'faster', n: 9, p: 0.026 }, low: 1.2, high: 1.5, candidate: true },
      { verdict: { state: 'faster', n: 9, p: 0.03 }, low: 1.2, high: 1.5, candidate: false },
      { verdict: { state: 'too-few', n: 3 }, low: 1.2, high: 1.5, candidate: true },
    ]);
    expect(verdicts[0]).toEqual({ state: 'same', n: 9, p: 0.052 });
    expect(verdicts[1]!.state).toBe('same');
    expect(verdicts[1]!.state === 'same' && verdicts[1]!.p).toBeCloseTo(0.052, 10);
    expect(verdicts.slice(2)).toEqual([
      { state: 'faster', n: 9, p: 0.03 },
      { state: 'too-few', n: 3 },
    ]);
  });

  it('says batching pays only when a batch size survives Holm over the sizes tried', () => {
    // Each batch size a hair faster than batch 1 in 8 rounds of 9: p = 0.020 alone, 0.059 corrected over three sizes.
    const withBatches = (batches: number[]): TryFigures => {
      const f = figures(160, (t) => (t === 1 ? 100 : 55), { batches });
      const single = f.subjects.find((s) => s.threads === 2 && s.batch === 1)!;
      const hair = single.wallMs.map((ms, i) => (i === 3 ? ms * 1.001 : ms * 0.999));
      return { ...f, subjects: f.subjects.map((s) => (s.threads === 2 && s.batch > 1 ? { ...s, wallMs: hair } : s)) };
    };
    expect(analyseTry(withBatches([1, 4])).facts.batchPaysFrom).toBe(4);
    expect(analyseTry(withBatches([1, 4, 16, 64])).facts.batchPaysFrom).toBeNull();
  });
});

describe('the A/A row', () => {
  const withTwin = (twinMs: (shared: number[]) => number[]): TryFigures => {
    const f = figures(160, twoThreadsPay);
    const shared = f.subjects.find((s) => s.threads === 1 && s.batch === 1)!;
    return { ...f, subjects: [...f.subjects, { ...shared, dedicated: true, wallMs: twinMs([...shared.wallMs]) }] };
  };

  it('is tested against the shared row round by round, and stays out of the choice', () => {
    const same = analyseTry(withTwin((w) => w.map((ms, i) => ms * (i % 2 === 0 ? 1.001 : 0.999))));
    expect(same.facts.aaRatio).toBeCloseTo(1, 2);
    expect(same.notes.find((n) => n.startsWith('A/A'))).toMatch(/a pool of exactly 1 thread ran beside it at batch 1: .* no measurable difference \(p = /);
    const off = analyseTry(withTwin((w) => w.map((ms) => ms / 2)));
    expect(off.facts.aaRatio).toBeCloseTo(0.5, 6);
    expect(off.facts.bestThreads).toBe(2);
    expect(off.notes.find((n) => n.startsWith('A/A'))).toContain('the shared pool measurably slower (p = 0.004): its rows may be off by as much');
    expect(off.tables[0]!.rows.at(-1)![0]).toBe('pool, own (A/A)');
  });
});

describe('the smaller things', () => {
  it('labels a batch that leaves threads idle with the threads it used, and its efficiency by them', () => {
    const { rows, tables } = analyseTry(figures(160, (_, b) => (b === 64 ? 100 : 60), { batches: [1, 64], inputs: 8 }));
    const batch64 = rows.find((r) => r.threads === 2 && r.batch === 64)!;
    expect(batch64).toMatchObject({ threads: 2, threadsUsed: 1 });
    expect(tables[0]!.rows[rows.indexOf(batch64)]![1]).toBe('1 of 2');
  });

  it('gives byte sizes as whole numbers, the median and the range', () => {
    const { facts, tables } = analyseTry(figures(160, twoThreadsPay));
    expect(facts.inputBytes).toBe(26);
    expect(tables[1]!.rows[0]![3]).toBe('26 (12-40)');
  });

  it('flags an efficiency above 100%', () => {
    const { rows, tables } = analyseTry(figures(160, (t) => (t === 1 ? 86 : 55)));
    const one = rows.findIndex((r) => r.mode === 'pool' && r.threads === 1 && r.batch === 1);
    expect(tables[0]!.rows[one]![5]).toMatch(/^116% \*$/);
    expect(tables[0]!.warnings?.join(' ')).toContain('* above 100%: more than its threads can give');
  });

  it('adds send and receive into transferUs, as the table shows them', () => {
    const f = figures(160, twoThreadsPay);
    const { facts, tables } = analyseTry({ ...f, sendRoundTripsUs: f.sendRoundTripsUs.map(() => [70, 70, 70]), receiveRoundTripsUs: f.receiveRoundTripsUs.map(() => [48, 48, 48]) });
    expect(facts).toMatchObject({ sendUs: 30, receiveUs: 8, transferUs: 38 });
    expect(tables[1]!.rows[0]!.slice(5, 8)).toEqual(['30.0', '8.0', '38.0']);
  });

  it('says what the run cost in loops over the inputs and how many warm-ups ran', () => {
    const { facts, notes } = analyseTry(figures(160, twoThreadsPay));
    expect(facts.runLoops).toBeCloseTo(70, 0);
    expect(notes.at(-1)).toBe('This run took 7.00 s, 70 times one plain loop over the inputs, with 3 warm-up rounds (until the loop stopped getting faster by 5% or more, at most 10).');
  });
});
