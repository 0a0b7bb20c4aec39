import { describe, expect, it } from 'vitest';
import { analyseScaling, type ScalingPoint } from './analysis.ts';
import { interpretScaling } from './analysis-notes.ts';
import { scalingPoint as point, scalingRuns as runs } from '../../test/helpers/analysis-scaling-points.ts';

const notesOf = (points: readonly ScalingPoint[], cores = 2): string[] => interpretScaling(analyseScaling(points, 24, cores));
/** A count whose Karp-Flatt fraction is `e`: T(n) = T(1) (e + (1 - e) / n), with T(1) = 100 ms. */
const withSerialFraction = (threads: number, e: number): ScalingPoint => point(threads, 100 * (e + (1 - e) / threads));
const headAt2 = 'speedup rose to 1.82x [1.80-1.83] at 2 threads, measurably faster than 1 thread (p = 0.002, Mann-Whitney U over 6 and 6 runs; 95% bootstrap interval in brackets); 91% efficiency, ideal 2.00x. ';

describe('scaling: the knee read from every step past the cores, whatever each step says', () => {
  it('one step untested is enough to place no knee', () => {
    expect(notesOf([runs(1, 100), runs(2, 55), runs(3, 54), point(4, 56)])[0]).toBe(
      headAt2 +
        'Past the 2 cores: 3 against 2 threads: measurably faster, 1.02x, p = 0.004; 4 against 3 threads 0.96x, untested: no repeats were kept, so this run does not place the knee. ' +
        'The highest median speedup was 1.85x [1.84-1.87] at 3 threads; 3 against 2 threads: measurably faster, 1.02x, p = 0.004, Mann-Whitney U.',
    );
  });

  it('one step with too few repeats is enough to place no knee', () => {
    expect(notesOf([runs(1, 100), runs(2, 55), runs(3, 54, 0.5, 3), runs(4, 56, 0.5, 3)])[0]).toBe(
      headAt2 +
        'Past the 2 cores: 3 against 2 threads: measurably faster, 1.02x, p = 0.048; 4 against 3 threads: 0.96x, too few repeats for a verdict (n = 3); ' +
        'too few repeats to tell whether speedup still rose, stayed flat or fell, so this run does not place the knee. ' +
        'The highest median speedup was 1.85x [1.83-1.87] at 3 threads; 3 against 2 threads: measurably faster, 1.02x, p = 0.048, Mann-Whitney U.',
    );
  });

  it('one step measurably faster means speedup still rose; one measurably slower, among flat ones, that it fell', () => {
    expect(notesOf([runs(1, 100), runs(2, 70), runs(3, 55), runs(4, 55, 2)])[0]).toContain(
      'Past the 2 cores speedup still rose (3 against 2 threads: measurably faster, 1.27x, p = 0.004; 4 against 3 threads: no measurable difference, 1.00x, p = 1.000; ' +
        'Mann-Whitney U over the runs of each pair of counts, p Holm-adjusted over the 2 steps): the cores were not all busy at 2 threads, so no knee at the 2 cores in this run.',
    );
    expect(notesOf([runs(1, 100), runs(2, 50), runs(3, 70), runs(4, 70, 2)])[0]).toContain(
      'Past the 2 cores speedup fell (3 against 2 threads: measurably slower, 0.71x, p = 0.004; 4 against 3 threads: no measurable difference, 1.00x, p = 1.000; ' +
        'Mann-Whitney U over the runs of each pair of counts, p Holm-adjusted over the 2 steps): the knee is at the 2 cores, because threads past them only take turns on the same cores.',
    );
  });

  it('no measurable difference from one thread is said as such', () => {
    expect(notesOf([runs(1, 100), runs(2, 100)])[0]).toBe(
      'speedup was 1.00x [1.00-1.01] at 2 threads: no measurable difference from 1 thread (p = 1.000, Mann-Whitney U over 6 and 6 runs); 50% efficiency, ideal 2.00x. ' +
        'No thread count past the 2 cores was measured, so the knee is not in this run (raise --threads). Only 50% efficiency on 2 threads: other programs were probably using the cores, so read this curve with care.',
    );
  });

  it('a count or a baseline without repeats is untested, and has no interval', () => {
    const bareBase = analyseScaling([point(1, 100), runs(2, 55)], 24, 2);
    expect('speedupLow' in bareBase.rows[1]!).toBe(false);
    expect(interpretScaling(bareBase)[0]).toMatch(/^speedup was 1\.82x at 2 threads, untested: no repeats were kept; 91% efficiency/);
    expect(notesOf([runs(1, 100), point(2, 55)])[0]).toMatch(/^speedup was 1\.82x at 2 threads, untested: no repeats were kept; 91% efficiency/);
  });

  it('the first of equal best speedups is the best', () => {
    expect(notesOf([point(1, 100), point(2, 50), point(3, 50)])[0]).toMatch(/ The highest median speedup was the one at 2 threads\.$/);
  });

  it('lists every count with different checksums, and every count left out of the fit', () => {
    expect(notesOf([point(1, 100), { ...point(2, 50), checksumOk: false }, { ...point(3, 50), checksumOk: false }])[0]).toBe(
      'CHECKSUMS DIFFER at 2 threads, 3 threads: those runs did different work, and their times mean nothing.',
    );
    expect(notesOf([runs(1, 100, 0.5), runs(2, 30, 0.5), runs(3, 30, 0.5), runs(4, 50, 0.5)], 4)[2]).toBe('The Amdahl fit leaves out 2 threads, 3 threads (impossible, not clamped).');
  });

  it('e(n) climbs only when the largest past the cores exceeds 1.5 times the largest within them', () => {
    // Past the cores 31% and 12%: the larger one climbs past 1.5 x 10%.
    expect(notesOf([point(1, 100), withSerialFraction(2, 0.1), withSerialFraction(3, 0.31), withSerialFraction(4, 0.12)])[1]).toMatch(
      /The Karp-Flatt fraction e\(n\) was 10% up to the cores and 12% to 31% past them: it climbs once threads outnumber cores/,
    );
    // Within the cores 10% to 30%: 40% past them is less than 1.5 x 30%.
    expect(notesOf([point(1, 100), withSerialFraction(2, 0.1), withSerialFraction(3, 0.3), withSerialFraction(4, 0.3), withSerialFraction(5, 0.4)], 4)[1]).toMatch(
      /rms error 0\.144 over 4 thread counts\)\. The Karp-Flatt fraction e\(n\) was 10% to 30% up to the cores and 40% past them: it barely changes past the cores\.$/,
    );
  });
});
