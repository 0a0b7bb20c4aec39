import { describe, expect, it } from 'vitest';
import { analyseScaling, type ScalingPoint } from './analysis.ts';
import { interpretScaling } from './analysis-notes.ts';
import { scalingPoint as point, scalingRuns as runs } from '../../test/helpers/analysis-scaling-points.ts';

const notesOf = (points: readonly ScalingPoint[], cores = 2): string[] => interpretScaling(analyseScaling(points, 24, cores));
const knee = 'the knee is at the 2 cores, because threads past them only take turns on the same cores.';

describe('scaling notes: how far speedup rose, where it stopped, and what the fits read', () => {
  it('a flat speedup past the cores places the knee on them; e(n) climbs past them', () => {
    expect(notesOf([runs(1, 100, 1), runs(2, 55, 2), runs(3, 54, 2), runs(4, 56, 2)])).toEqual([
      'speedup rose to 1.82x [1.77-1.87] at 2 threads, measurably faster than 1 thread (p = 0.002, Mann-Whitney U over 6 and 6 runs; 95% bootstrap interval in brackets); 91% efficiency, ideal 2.00x. ' +
        'Past the 2 cores speedup stayed flat (3 against 2 threads: no measurable difference, 1.02x, p = 0.240; 4 against 3 threads: no measurable difference, 0.96x, p = 0.130; ' +
        `Mann-Whitney U over the runs of each pair of counts, p Holm-adjusted over the 2 steps): ${knee} ` +
        'The highest median speedup was 1.85x [1.80-1.91] at 3 threads; 3 against 2 threads: no measurable difference, 1.02x, p = 0.240, Mann-Whitney U.',
      "Amdahl's law fitted to 1-2 threads gives a serial fraction s = 10% [7.0%-13%] (the model's ceiling on any number of cores, 1/s, is 10.00x [7.65-14.26]; " +
        "95% intervals from a seeded bootstrap over the repeats, 2000 resamples; one thread count above one to fit, so s is that point's e(n) and fits it exactly). " +
        'The Karp-Flatt fraction e(n) was 10% up to the cores and 31% to 41% past them: it climbs once threads outnumber cores, the knee in another form (threads without a core of their own), not serial code.',
    ]);
  });

  it('a speedup that still rose past the cores places no knee, says the cores were busy, and that e(n) barely changed', () => {
    expect(notesOf([runs(1, 100), runs(2, 70), runs(3, 55)])).toEqual([
      'speedup rose to 1.43x [1.42-1.44] at 2 threads, measurably faster than 1 thread (p = 0.002, Mann-Whitney U over 6 and 6 runs; 95% bootstrap interval in brackets); 71% efficiency, ideal 2.00x. ' +
        'Past the 2 cores speedup still rose (3 against 2 threads: measurably faster, 1.27x, p = 0.002; Mann-Whitney U over the runs of each pair of counts): the cores were not all busy at 2 threads, so no knee at the 2 cores in this run. ' +
        'The highest median speedup was 1.82x [1.80-1.83] at 3 threads; 3 against 2 threads: measurably faster, 1.27x, p = 0.002, Mann-Whitney U. ' +
        'Only 71% efficiency on 2 threads: other programs were probably using the cores, so read this curve with care.',
      "Amdahl's law fitted to 1-2 threads gives a serial fraction s = 40% [39%-41%] (the model's ceiling on any number of cores, 1/s, is 2.50x [2.44-2.56]; " +
        "95% intervals from a seeded bootstrap over the repeats, 2000 resamples; one thread count above one to fit, so s is that point's e(n) and fits it exactly). " +
        'The Karp-Flatt fraction e(n) was 40% up to the cores and 33% past them: it barely changes past the cores.',
    ]);
  });

  it('a speedup that fell past the cores places the knee; a slower count and a busy efficiency of exactly 75% are read as such', () => {
    const [falling] = notesOf([runs(1, 100), runs(2, 50), runs(3, 70)]);
    expect(falling).toContain(`Past the 2 cores speedup fell (3 against 2 threads: measurably slower, 0.71x, p = 0.002; Mann-Whitney U over the runs of each pair of counts): ${knee} The highest median speedup was the one at 2 threads.`);
    expect(falling).toMatch(/^speedup rose to 2\.00x/);
    const a = analyseScaling([point(1, 100), point(2, 100 / 1.5)], 24, 2);
    expect(a.rows[1]!.efficiency).toBe(0.75);
    expect(interpretScaling(a)[0]).toBe('speedup was 1.50x at 2 threads, untested: no repeats were kept; 75% efficiency, ideal 2.00x. No thread count past the 2 cores was measured, so the knee is not in this run (raise --threads).');
    expect(notesOf([runs(1, 100), runs(2, 150)])[0]).toMatch(/^speedup fell to 0\.67x \[\d\.\d\d-\d\.\d\d\] at 2 threads, measurably slower than 1 thread \(p = 0\.002, Mann-Whitney U over 6 and 6 runs; 95% bootstrap interval in brackets\); 33% efficiency/);
  });

  it('with too few repeats, or none kept, claims nothing and places no knee', () => {
    const few = notesOf([runs(1, 100, 0, 3), runs(2, 50, 0, 3), runs(3, 45, 0, 3)]);
    expect(few.slice(2)).toEqual([
      'speedup was 2.00x [2.00-2.00] at 2 threads, too few repeats for a verdict against 1 thread (n = 3); 100% efficiency, ideal 2.00x. ' +
        'Past the 2 cores: 3 against 2 threads: 1.11x, too few repeats for a verdict (n = 3); too few repeats to tell whether speedup still rose, stayed flat or fell, so this run does not place the knee. ' +
        'The highest median speedup was 2.22x [2.22-2.22] at 3 threads; 3 against 2 threads: 1.11x, too few repeats for a verdict (n = 3).',
      "Amdahl's law fitted to 1-2 threads gives a serial fraction s = 0.0% [0.0%-0.0%] (with s = 0 the model sets no ceiling on any number of cores; one thread count above one to fit, so s is that point's e(n) and fits it exactly). " +
        'The Karp-Flatt fraction e(n) was 0.0% up to the cores and 17% past them: it climbs once threads outnumber cores, the knee in another form (threads without a core of their own), not serial code.',
    ]);
    expect(few[1]).toBe('The Amdahl fit leaves out 3 threads (impossible, not clamped).');
    expect(notesOf([point(1, 100), point(2, 55), point(3, 54)])).toEqual([
      'speedup was 1.82x at 2 threads, untested: no repeats were kept; 91% efficiency, ideal 2.00x. Past the 2 cores: 3 against 2 threads 1.02x, untested: no repeats were kept, so this run does not place the knee. ' +
        'The highest median speedup was 1.85x at 3 threads; 3 against 2 threads 1.02x, untested: no repeats were kept.',
      "Amdahl's law fitted to 1-2 threads gives a serial fraction s = 10% (the model's ceiling on any number of cores, 1/s, is 10.00x, untested: no repeats were kept to bootstrap; " +
        "one thread count above one to fit, so s is that point's e(n) and fits it exactly). " +
        'The Karp-Flatt fraction e(n) was 10% up to the cores and 31% past them: it climbs once threads outnumber cores, the knee in another form (threads without a core of their own), not serial code.',
    ]);
  });

  it('on one core has nothing to fit; more counts to fit give an rms error; an unbounded ceiling is ∞', () => {
    expect(notesOf([runs(1, 100), runs(2, 101)], 1)).toEqual([
      'With 1 core, one thread is the baseline and the only count up to the cores. Past the 1 core speedup fell (2 against 1 thread: measurably slower, 0.99x, p = 0.004; ' +
        'Mann-Whitney U over the runs of each pair of counts): the knee is at the 1 core, because threads past them only take turns on the same cores. The highest median speedup was the one at 1 thread.',
      "With 1 core there is no thread count above one to fit Amdahl's law to.",
    ]);
    expect(notesOf([point(1, 100), point(2, 52), point(3, 36), point(4, 28), point(6, 29)], 4)[1]).toBe(
      "Amdahl's law fitted to 1-4 threads gives a serial fraction s = 4.0% (the model's ceiling on any number of cores, 1/s, is 25.00x, untested: no repeats were kept to bootstrap; rms error 0.000 over 4 thread counts). " +
        'The Karp-Flatt fraction e(n) was 4.0% up to the cores and 15% past them: it climbs once threads outnumber cores, the knee in another form (threads without a core of their own), not serial code.',
    );
    expect(notesOf([runs(1, 100, 10), runs(2, 50.5, 10)])[1]).toBe(
      "Amdahl's law fitted to 1-2 threads gives a serial fraction s = 1.0% [0.0%-19%] (the model's ceiling on any number of cores, 1/s, is 100.00x [5.16-∞]; " +
        "95% intervals from a seeded bootstrap over the repeats, 2000 resamples; one thread count above one to fit, so s is that point's e(n) and fits it exactly). The Karp-Flatt fraction e(n) was 1.0% up to the cores.",
    );
  });

  it('agrees "core" and "thread" with their counts, and prints a range whose ends round alike as one figure', () => {
    const [head, noFit] = notesOf([runs(1, 100), runs(4, 101)], 2);
    expect(head).toMatch(/^With 2 cores, one thread is the baseline and the only count up to the cores\. Past the 2 cores speedup fell \(4 against 1 thread: /);
    expect(head).toMatch(/The highest median speedup was the one at 1 thread\.$/);
    expect(noFit).toBe("With 2 cores there is no thread count above one to fit Amdahl's law to.");
    const oneCore = notesOf([runs(1, 100), runs(2, 101)], 1).join(' ');
    expect(oneCore).toContain('Past the 1 core speedup fell (2 against 1 thread: ');
    expect(oneCore).not.toMatch(/\b1 (cores|threads)\b/);
    expect(notesOf([point(1, 100), point(2, 52), point(3, 36), point(4, 28), point(6, 29)], 4)[1]).toContain('The Karp-Flatt fraction e(n) was 4.0% up to the cores and 15% past them');
  });

  it('names impossible counts and checksum mismatches first', () => {
    const notes = notesOf([runs(1, 100, 0.5), { ...runs(2, 30, 0.5), checksumOk: false }, runs(3, 50, 0.5)]);
    expect(notes.slice(0, 3)).toEqual([
      'CHECKSUMS DIFFER at 2 threads: those runs did different work, and their times mean nothing.',
      'IMPOSSIBLE (✗): scaling 2 threads: 3.33x on 2 threads (efficiency 167% > 100%) is above the 2.00x that 2 usable cores allow, its interval starting at 3.29x. ' +
        'This is not a finding: most likely the baseline ran slow (the main thread did other work during it, or other programs took the CPU). Re-run on a quiet machine, or raise --repeats.',
      'The Amdahl fit leaves out 2 threads (impossible, not clamped).',
    ]);
    expect(notes[3]).toMatch(/The highest median speedup was the one at 2 threads\.$/);
  });
});
