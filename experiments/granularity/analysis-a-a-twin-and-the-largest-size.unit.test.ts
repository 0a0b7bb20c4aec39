import { describe, expect, it } from 'vitest';
import { analyseGranularity, type SizeFigures } from './analysis.ts';
import { interpretGranularity } from './analysis-notes.ts';
import { row, size, sweep } from '../../test/helpers/granularity-figures.ts';

/** The A/A twin of piscina at each size, `perTaskMs` a task over the ideal (piscina's own is 0.02). */
const withTwin = (figures: readonly SizeFigures[], perTaskMs: number): SizeFigures[] => figures.map((f) => ({ ...f, aaPiscina: row('piscina', 2, 50 + perTaskMs * f.tasks, 100) }));
const lastNote = (figures: readonly SizeFigures[]): string => interpretGranularity(analyseGranularity(figures, 2, 2), 2).at(-1)!;
const aaHead = 'A/A check: piscina-aa, a second identical piscina subject with its own place in the run order and its own runs on the same warm pool, ';
const biased = "Its interval excludes 1: the instrument itself moved one of two identical subjects by that much (run order, or the pool's state), so a difference of that size between modes is not theirs.";

describe('granularity --aa: the twin judged by its interval', () => {
  it('a twin as dear as piscina: its interval includes 1, and its checksums count with the rest', () => {
    const notes = interpretGranularity(analyseGranularity(withTwin(sweep, 0.02), 2, 2), 2);
    expect(notes).toHaveLength(6);
    expect(notes[5]).toBe(
      `${aaHead}cost 20.0 µs (95% interval 19.6 µs to 20.4 µs) per task against piscina's 20.0 µs: a ratio of 1.00x (95% interval 1.00x at both ends, as rounded). ` +
        'Its interval includes 1: no bias of the instrument that this run can measure. At the largest size it was no measurable difference from piscina (1.00x, p = 1.000).',
    );
    const wrong = withTwin(sweep, 0.02).map((f) => (f.unitsPerTask === 64 ? { ...f, aaPiscina: { ...f.aaPiscina!, checksumOk: false } } : f));
    expect(interpretGranularity(analyseGranularity(wrong, 2, 2), 2)[0]).toBe('CHECKSUMS DIFFER in split/piscina-aa: these rows did different work, and their times mean nothing.');
  });

  it('a twin measurably cheaper, or dearer, than piscina: the instrument moved it', () => {
    expect(lastNote(withTwin(sweep, 0.01))).toBe(
      `${aaHead}cost 10.0 µs (95% interval 9.8 µs to 10.2 µs) per task against piscina's 20.0 µs: a ratio of 0.50x (95% interval 0.50x at both ends, as rounded). ${biased} At the largest size it was about as fast as piscina (p = 0.004).`,
    );
    expect(lastNote(withTwin(sweep, 0.03))).toBe(
      `${aaHead}cost 30.0 µs (95% interval 29.4 µs to 30.6 µs) per task against piscina's 20.0 µs: a ratio of 1.50x (95% interval 1.50x at both ends, as rounded). ${biased} At the largest size it was about as fast as piscina (p = 0.004).`,
    );
  });

  it('without rounds the A/A check cannot say', () => {
    const bare = withTwin(sweep, 0.02).map((f) => ({ ...f, rows: f.rows.map(({ samples: _, ...r }) => r), aaPiscina: (({ samples: _, ...r }) => r)(f.aaPiscina!) }));
    expect(lastNote(bare)).toBe(
      `${aaHead}cost 20.0 µs per task against piscina's 20.0 µs: a ratio of 1.00x. No interval (too few rounds, or a fit not above zero): this A/A check cannot say whether the instrument is biased. At the largest size it was about as fast as piscina.`,
    );
  });

  it('judges the twin\'s sizes with the rest, and leaves no twin when only some sizes had one', () => {
    const superlinear = sweep.map((s) => (s.unitsPerTask === 4 ? size(4, 1000, { parallel: 45 }, { parallel: { speedupLow: 2.2 } }) : s));
    const a = analyseGranularity(withTwin(superlinear, 0.02), 2, 2);
    expect(a.leftOutOfFit).toEqual({ parallel: [4], hybrid: [], piscina: [], 'piscina-aa': [] });
    const notes = interpretGranularity(a, 2);
    expect(notes[0]).toMatch(/^IMPOSSIBLE \(✗\): 4 units\/task parallel: a negative per-task overhead: 2\.22x beats the ideal 2\.00x for these tasks, its interval starting at 2\.20x\. /);
    expect(notes[1]).toBe(
      'The fitted overheads leave the impossible points out (not clamped to zero): parallel left out 4 units/task. Every mode is fitted on the same sizes, those possible for all (16, 64, 256 units/task), so that their costs compare the same work.',
    );
    const some = withTwin(sweep, 0.02).map((f, i) => (i === 0 ? { ...f, aaPiscina: undefined } : f));
    const partial = analyseGranularity(some, 2, 2);
    expect(partial.aa).toBe(false);
    expect(Object.keys(partial.leftOutOfFit)).toEqual(['parallel', 'hybrid', 'piscina']);
    expect(interpretGranularity(partial, 2)).toHaveLength(5);
  });
});

describe('granularity: the largest size and what each size records', () => {
  it('takes the largest size by its units per task, whatever the order, and the first of two alike', () => {
    const shuffled = analyseGranularity([sweep[3]!, sweep[0]!, sweep[2]!, sweep[1]!], 2, 2);
    // At 256 units: piscina 50.32 ms, parallel 51.6 ms.
    expect(shuffled.parallelSpeedupVsPiscina).toBe(50.32 / 51.6);
    expect(analyseGranularity([...sweep, size(256, 16, { piscina: 60 })], 2, 2).parallelSpeedupVsPiscina).toBe(50.32 / 51.6);
  });

  it('pairs piscina with parallel at the largest size only over rounds both ran', () => {
    const largestWith = (change: (r: SizeFigures['rows'][number]) => SizeFigures['rows'][number]): SizeFigures[] => sweep.map((f, i) => (i === 3 ? { ...f, rows: f.rows.map(change) } : f));
    const dropSamples = (mode: string) => largestWith((r) => (r.mode === mode ? (({ samples: _, ...x }) => x)(r) : r));
    expect('parallelVsPiscina' in analyseGranularity(dropSamples('piscina'), 2, 2)).toBe(false);
    expect('parallelVsPiscina' in analyseGranularity(dropSamples('parallel'), 2, 2)).toBe(false);
    const otherRounds = largestWith((r) => (r.mode === 'piscina' ? { ...r, samples: r.samples!.map((s) => ({ ...s, round: s.round + 100 })) } : r));
    const apart = analyseGranularity(otherRounds, 2, 2);
    expect('parallelVsPiscina' in apart).toBe(false);
    expect(interpretGranularity(apart, 2)[3]).toMatch(/at the largest size parallel reached 98% of the plain pool's speedup\.$/);
    expect(analyseGranularity(sweep, 2, 2).parallelVsPiscina).toMatchObject({ verdict: { state: 'slower' } });
  });

  it('records a reason only for the subjects whose figures were impossible', () => {
    const superlinear = sweep.map((s) => (s.unitsPerTask === 4 ? size(4, 1000, { parallel: 45 }, { parallel: { speedupLow: 2.2 } }) : s));
    const sizes = analyseGranularity(superlinear, 2, 2).sizes;
    expect(sizes.map((s) => Object.keys(s.impossible))).toEqual([['parallel'], [], [], []]);
  });
});
