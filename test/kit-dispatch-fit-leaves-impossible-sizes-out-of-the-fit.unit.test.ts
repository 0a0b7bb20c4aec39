import { describe, expect, it } from 'vitest';
import { fitDispatch, idealCpuSpeedup, impossibleAt, usPerUnitOf, verdictAgainstSequential, type DispatchSize } from '../src/experiment/dispatch-fit.ts';
import { row, size, sweep, verdicts } from './helpers/granularity-figures.ts';

// fitDispatch fits one mode's per-task hand-over cost over a sweep of task sizes against the ideal
// split of sequential time, leaving out sizes whose figures are impossible, and places the crossover
// by each size's verdict. The sweep (helpers/granularity-figures.ts): sequential 100 ms at every size
// on 2 threads, parallel 50 ms ideal + 0.1 ms a task, over 1000, 250, 64 and 16 tasks.

describe('idealCpuSpeedup', () => {
  it('is the tasks over the rounds of the busiest thread, on no more threads than cores', () => {
    expect(idealCpuSpeedup(5, 2, 4)).toBe(5 / 3);
    // Four threads on two cores run like two threads.
    expect(idealCpuSpeedup(5, 4, 2)).toBe(5 / 3);
    expect(idealCpuSpeedup(6, 3, 3)).toBe(3);
  });
});

describe('usPerUnitOf', () => {
  it('reads the kernel cost per unit from the sequential run of the largest tasks, wherever it stands', () => {
    // Largest: 256 units x 16 tasks in 100 ms.
    expect(usPerUnitOf(sweep)).toBe((100 * 1000) / 16 / 256);
    expect(usPerUnitOf([...sweep].reverse())).toBe((100 * 1000) / 16 / 256);
    expect(usPerUnitOf([sweep[3]!, sweep[0]!, sweep[1]!])).toBe((100 * 1000) / 16 / 256);
  });
});

describe('impossibleAt', () => {
  const at64 = sweep[2]!;
  it('keeps the row\'s own reason first', () => {
    expect(impossibleAt(at64, { ...row('parallel', 2, 40, 100, { speedupLow: 2.4 }), impossible: 'superlinear' }, 2)).toBe('superlinear');
  });

  it('flags a speedup whose whole interval beats the ideal split, as a negative overhead', () => {
    // Ideal on 2 threads: 64 tasks split 32 and 32, so 2.00x.
    expect(impossibleAt(at64, row('parallel', 2, 45, 100, { speedupLow: 2.1 }), 2)).toBe(
      'a negative per-task overhead: 2.22x beats the ideal 2.00x for these tasks, its interval starting at 2.10x',
    );
    expect(impossibleAt(at64, row('parallel', 2, 45, 100, { speedupLow: 1.9 }), 2)).toBeUndefined();
  });

  it('judges nothing without an interval, and nothing on fewer than two repeats (a row without samples has none)', () => {
    expect(impossibleAt(at64, row('parallel', 2, 45, 100), 2)).toBeUndefined();
    const { samples: _dropped, ...withoutSamples } = row('parallel', 2, 45, 100, { speedupLow: 2.1 });
    expect(impossibleAt(at64, withoutSamples, 2)).toBeUndefined();
  });
});

describe('verdictAgainstSequential', () => {
  it('takes the saved verdict, else tests the rounds, else says too few with no rounds', () => {
    const at16 = sweep[1]!;
    expect(verdictAgainstSequential(at16, row('parallel', 2, 75, 100, { verdict: verdicts.same() }))).toEqual(verdicts.same());
    expect(verdictAgainstSequential(at16, row('parallel', 2, 75, 100))).toMatchObject({ state: 'faster', n: 9 });
    const { samples: _dropped, ...withoutSamples } = row('parallel', 2, 75, 100);
    expect(verdictAgainstSequential(at16, withoutSamples)).toEqual({ state: 'too-few', n: 0 });
  });
});

describe('fitDispatch', () => {
  it('fits 100 µs a task over every size when all are possible', () => {
    const fit = fitDispatch(sweep, 'parallel', 2);
    expect(fit.mode).toBe('parallel');
    expect(fit.overheadUs.map((u) => Math.round(u * 1e6) / 1e6)).toEqual([100, 100, 100, 100]);
    expect(fit.dispatchUs).toBeCloseTo(100, 9);
    expect(fit.fittedOn).toEqual([4, 16, 64, 256]);
    expect(fit.leftOut).toEqual([]);
    expect(fit.impossible).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('leaves an impossible size out of the fit but keeps its overhead, and says why', () => {
    // At 64 units parallel took 45 ms, 5 ms under the 50 ms ideal, beyond its interval.
    const sizes: DispatchSize[] = [sweep[0]!, sweep[1]!, size(64, 64, { parallel: 45 }, { parallel: { speedupLow: 2.1 } }), sweep[3]!];
    const fit = fitDispatch(sizes, 'parallel', 2);
    expect(fit.fittedOn).toEqual([4, 16, 256]);
    expect(fit.leftOut).toEqual([64]);
    expect(fit.impossible[2]).toMatch(/^a negative per-task overhead/);
    expect(fit.impossible.filter((r) => r !== undefined)).toHaveLength(1);
    expect(fit.overheadUs[2]).toBeCloseTo((-5 / 64) * 1000, 9);
    // The other sizes still fit 100 µs a task exactly.
    expect(fit.dispatchUs).toBeCloseTo(100, 9);
  });

  it('fits nothing when every size is impossible', () => {
    const sizes = [size(16, 250, { parallel: 40 }, { parallel: { speedupLow: 2.2 } }), size(64, 64, { parallel: 45 }, { parallel: { speedupLow: 2.1 } })];
    const fit = fitDispatch(sizes, 'parallel', 2);
    expect(fit.dispatchUs).toBeNaN();
    expect(fit.fittedOn).toEqual([]);
    expect(fit.leftOut).toEqual([16, 64]);
  });

  it('places a crossover between two sizes as work per task: its size in units times the kernel cost per unit', () => {
    // At 4 units parallel took 150 ms against 100: slower, and faster from 16 units on, by the rounds' own test.
    const fit = fitDispatch(sweep, 'parallel', 2);
    expect(fit.crossover).toMatchObject({ state: 'crossed', size: 16, below: 4 });
    expect(fit.crossoverUs).toBe(16 * ((100 * 1000) / 16 / 256));
    // A saved verdict at 16 units moves it to 64.
    const later = fitDispatch([sweep[0]!, size(16, 250, {}, { parallel: { verdict: verdicts.same() } }), sweep[2]!, sweep[3]!], 'parallel', 2);
    expect(later.crossover).toMatchObject({ state: 'crossed', size: 64, below: 16 });
    expect(later.crossoverUs).toBe(64 * ((100 * 1000) / 16 / 256));
    const always = fitDispatch(sweep.slice(1), 'parallel', 2);
    expect(always.crossover.state).toBe('always-faster');
    expect(always.crossoverUs).toBeNaN();
    const never = fitDispatch(
      sweep.map((s) => size(s.unitsPerTask, s.tasks, {}, { parallel: { verdict: verdicts.same() } })),
      'parallel',
      2,
    );
    expect(never.crossover.state).toBe('never-faster');
    expect(never.crossoverUs).toBeNaN();
  });
});
