import { describe, expect, it } from 'vitest';
import { analyseGranularity, type SizeFigures } from './analysis.ts';
import { interpretGranularity } from './analysis-notes.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import { ROUND_FACTORS, size, sweep, verdicts } from '../../test/helpers/granularity-figures.ts';

const notesOf = (figures: readonly SizeFigures[], threads = 2, cores = 2): string[] => interpretGranularity(analyseGranularity(figures, threads, cores), threads);
const withoutRounds = (figures: readonly SizeFigures[]): SizeFigures[] => figures.map((f) => ({ ...f, rows: f.rows.map(({ samples: _, ...r }) => r) }));
/** Parallel beat the ideal beyond its interval at these sizes: 45 ms against the ideal 50, its speedup from 2.2x. */
const superlinearAt = (units: readonly number[]): SizeFigures[] => sweep.map((s) => (units.includes(s.unitsPerTask) ? size(s.unitsPerTask, s.tasks, { parallel: 45 }, { parallel: { speedupLow: 2.2 } }) : s));

const plainPool = 'How small can a task be: a plain Piscina pool on 2 threads was measurably faster than sequential at every size, even 100 µs of work per task (p = 0.004): the crossover is below the smallest size; ';
const parallelMode =
  "The lab's traced parallel mode: parallel on 2 threads was measurably faster than sequential from 400 µs of work per task (16 units, p = 0.004) and at every larger size, but not at 4 units (100 µs): slower (p = 0.004); the crossover lies between the two; ";
const handOver = "a message to a worker and back, the task rebuilt and run under a scheduler with its steps recorded, and the pool's bookkeeping. ";

describe('granularity notes: every reading of the fits, in full', () => {
  it('a sweep with rounds: where each pool pays, what a task costs, what instrumentation adds, what batching saves, and nothing more', () => {
    expect(notesOf(sweep)).toEqual([
      `${plainPool}it cost 20.0 µs of wall time per task (fitted over all sizes; 95% interval 19.6 µs to 20.4 µs), which predicts a break-even at 40.0 µs (95% interval 39.3 µs to 40.7 µs) of work per task.`,
      `${parallelMode}at 6.25 ms per task (ideal 2.00x) it was 1.94x faster (p = 0.004), at 100 µs 1.50x slower (p = 0.004).`,
      "Each task handed to a worker by the lab's parallel mode cost about 100 µs of wall time (fitted over all sizes; 95% interval 98.1 µs to 102 µs; 100 µs at the smallest): " +
        handOver +
        'With 2 threads able to run at once that predicts a break-even at 200 µs (95% interval 196 µs to 204 µs) of work per task: below it, handing out work costs more than sharing it saves, ' +
        'which is why one thread beat the pool on small tasks (measurably: 1.50x slower (p = 0.004) at 100 µs).',
      "The cost of the lab's instrumentation: 80.0 µs (95% interval 78.5 µs to 81.5 µs) per task beyond the plain pool's 20.0 µs (parallel/piscina fitted overhead 5.00x (95% interval 5.00x at both ends, as rounded)); " +
        "at the largest size parallel reached 98% of the plain pool's speedup (per round: 95% interval 98% at both ends, as rounded; 1.03x slower than piscina (p = 0.004)).",
      'Batching removed most of that cost: hybrid sends each worker one message with its whole share, and paid about 10.0 µs per task (fitted; 95% interval 9.8 µs to 10.2 µs), ' +
        "0.10x (95% interval 0.10x at both ends, as rounded) parallel's cost; at the smallest size it was 2.50x faster than parallel (p = 0.004) and 1.67x faster than sequential (p = 0.004).",
    ]);
  });

  it('costs of exactly zero: no break-even for the pool, none for parallel, no ratio to parallel, and not one thread beating the pool', () => {
    const free = [size(4, 1000, { parallel: 50, hybrid: 50, piscina: 50 }), size(16, 250, { parallel: 50, hybrid: 50, piscina: 50 })];
    expect(notesOf(free)).toEqual([
      `${plainPool}it cost 0.0 µs of wall time per task (fitted over all sizes; 95% interval 0.0 µs at both ends, as rounded).`,
      "The lab's traced parallel mode: parallel on 2 threads was measurably faster than sequential at every size, even 100 µs of work per task (p = 0.004): the crossover is below the smallest size; " +
        'at 400 µs per task (ideal 2.00x) it was 2.00x faster (p = 0.004), at 100 µs 2.00x faster (p = 0.004).',
      "Each task handed to a worker by the lab's parallel mode cost about 0.0 µs of wall time (fitted over all sizes; 95% interval 0.0 µs at both ends, as rounded; 0.0 µs at the smallest): " +
        handOver +
        'The fit found no cost measurably above zero (its interval reaches zero), so this run cannot place a break-even.',
      "The cost of the lab's instrumentation: 0.0 µs (95% interval 0.0 µs at both ends, as rounded) per task beyond the plain pool's 0.0 µs (parallel/piscina fitted overhead none: the plain pool's fit is not above zero); " +
        "at the largest size parallel reached 100% of the plain pool's speedup (per round: 95% interval 100% at both ends, as rounded; no measurable difference from piscina (1.00x, p = 1.000)).",
      'Batching did not measurably lower that cost here: hybrid sends each worker one message with its whole share, and paid about 0.0 µs per task (fitted; 95% interval 0.0 µs at both ends, as rounded); ' +
        'at the smallest size it was no measurable difference from parallel (1.00x, p = 1.000) and 2.00x faster than sequential (p = 0.004).',
    ]);
    expect(notesOf(withoutRounds(free))[2]).toMatch(/The fit found no cost measurably above zero, so this run cannot place a break-even\.$/);
  });

  it('on one usable core: no break-even for a pool whose cost is above zero, and threads can only add their cost', () => {
    const dearPool = sweep.map((s) => size(s.unitsPerTask, s.tasks, { piscina: 100 + 0.02 * s.tasks }));
    const notes = notesOf(dearPool, 1, 2);
    expect(notes[0]).toMatch(/; it cost 20\.0 µs of wall time per task \(fitted over all sizes; 95% interval 19\.6 µs to 20\.4 µs\)\.$/);
    expect(notesOf(sweep, 1, 2)[2]).toMatch(/; 50\.0 µs at the smallest\): a message to a worker and back.*bookkeeping\. With one usable core, threads can only add that cost\.$/);
  });

  it('on three usable threads a cost is won back at 1.5 times itself; more threads than cores count as the cores', () => {
    const [pool] = notesOf(sweep, 3, 3);
    expect(pool).toMatch(/it cost 40\.5 µs of wall time per task \(fitted over all sizes; 95% interval 39\.9 µs to 41\.2 µs\), which predicts a break-even at 60\.8 µs \(95% interval 59\.8 µs to 61\.8 µs\) of work per task\.$/);
    expect(analyseGranularity(sweep, 4, 2).usable).toBe(2);
    expect(notesOf(sweep, 4, 2)[0]).toMatch(/which predicts a break-even at 40\.0 µs \(95% interval 39\.3 µs to 40\.7 µs\) of work per task\.$/);
  });

  it('exactly 75% of the ideal at the largest size is not called a busy machine; exactly half the cost is "some" of it', () => {
    const [, parallel] = notesOf(sweep.map((s, i) => (i === 3 ? size(256, 16, { parallel: 100 / 1.5 }) : s)));
    expect(parallel).toBe(`${parallelMode}at 6.25 ms per task (ideal 2.00x) it was 1.50x faster (p = 0.004), at 100 µs 1.50x slower (p = 0.004).`);
    const half = notesOf(sweep.map((s) => size(s.unitsPerTask, s.tasks, { hybrid: 50 + 0.05 * s.tasks })));
    expect(half[4]).toMatch(/^Batching removed some of that cost: hybrid sends each worker one message with its whole share, and paid about 50\.0 µs per task \(fitted; 95% interval 49\.1 µs to 50\.9 µs\), 0\.50x \(95% interval 0\.50x at both ends, as rounded\) parallel's cost; /);
  });

  it('says recording steps cost nothing measurable when its interval straddles zero', () => {
    const wobble = [1.01, 0.99, 1.02, 0.98, 1, 1.01, 0.99, 1, 1];
    const untraced = sweep.map((s) => {
      const parallelMs = s.rows.find((r) => r.mode === 'parallel')!.medianMs;
      return { ...s, untracedParallelMs: parallelMs, untracedParallelSamples: samplesOf(ROUND_FACTORS.map((f, i) => parallelMs * f * wobble[i]!)) };
    });
    expect(notesOf(untraced)[3]).toMatch(
      /\)\)\. Recording every step cost 0\.0 µs \(95% interval -2\.6 µs to 1\.7 µs\) per task, no cost measurably different from zero: parallel paid 100 µs \(95% interval 98\.2 µs to 102 µs\) per task with --no-steps \(fitted alike\)\.$/,
    );
    // Untraced runs at some sizes only: no fit of them, and no sentence.
    const some = untraced.map((s, i) => (i === 0 ? { ...s, untracedParallelMs: undefined, untracedParallelSamples: undefined } : s));
    expect(analyseGranularity(some, 2, 2).untracedParallelOverheadUs).toBeNaN();
    expect(notesOf(some)[3]).toMatch(/1\.03x slower than piscina \(p = 0\.004\)\)\.$/);
  });

  it('names every size left out of a fit, and says when no size was possible for all', () => {
    const notes = notesOf(superlinearAt([4, 16]));
    expect(notes.slice(2, 4)).toEqual([
      'The fitted overheads leave the impossible points out (not clamped to zero): parallel left out 4, 16 units/task. Every mode is fitted on the same sizes, those possible for all (64, 256 units/task), so that their costs compare the same work.',
      `${plainPool}it cost 20.0 µs of wall time per task (fitted over 64, 256 units/task; 95% interval 19.6 µs to 20.4 µs), which predicts a break-even at 40.0 µs (95% interval 39.2 µs to 40.8 µs) of work per task.`,
    ]);
    const all = notesOf(superlinearAt([4, 16, 64, 256]));
    expect(all[4]).toBe(
      'The fitted overheads leave the impossible points out (not clamped to zero): parallel left out 4, 16, 64, 256 units/task. Every mode is fitted on the same sizes, those possible for all (no size: every one was impossible for some mode), so that their costs compare the same work.',
    );
    expect(all[5]).toMatch(/; it cost NaN µs of wall time per task \(fitted over no size: every one was impossible for some mode\)\.$/);
  });

  it('lists every mode that left a size out, and ends the break-even plainly when one thread did not beat the pool', () => {
    const both = sweep.map((s) => (s.unitsPerTask === 4 ? size(4, 1000, { parallel: 45, hybrid: 45 }, { parallel: { speedupLow: 2.2 }, hybrid: { speedupLow: 2.2 } }) : s));
    expect(notesOf(both).filter((n) => n.startsWith('The fitted overheads'))).toEqual([
      'The fitted overheads leave the impossible points out (not clamped to zero): parallel left out 4 units/task; hybrid left out 4 units/task. Every mode is fitted on the same sizes, those possible for all (16, 64, 256 units/task), so that their costs compare the same work.',
    ]);
    const close = [size(4, 1000, { parallel: 101 }, { parallel: { verdict: verdicts.same(0.4) } }), size(16, 250), size(64, 64), size(256, 16)];
    expect(notesOf(close)[2]).toBe(
      "Each task handed to a worker by the lab's parallel mode cost about 54.1 µs of wall time (fitted over all sizes; 95% interval 53.1 µs to 55.0 µs; 51.0 µs at the smallest): " +
        handOver +
        'With 2 threads able to run at once that predicts a break-even at 108 µs (95% interval 106 µs to 110 µs) of work per task: below it, handing out work costs more than sharing it saves.',
    );
  });
});
