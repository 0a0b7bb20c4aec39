import { describe, expect, it } from 'vitest';
import { eightSmallInputs } from './helpers/try-figures.ts';
import { analyseTry, type TryFigures } from '../src/report/try-analysis.ts';

/** `n` rounds whose median is exactly `ms`, every one a little different. */
const around = (ms: number, n = 9): number[] => Array.from({ length: n }, (_, i) => ms * (1 + (((i * 7) % 5) - 2) / 500));

/** Eight inputs on 2 cores, the loop 100 ms; pools of 1 and 2 threads at batches 1 and 4, their medians from `poolMs`. */
function figures(poolMs: (threads: number, batch: number) => number, floor: Pick<TryFigures, 'postMessageFloor' | 'postMessageFloorSkipped'>): TryFigures {
  const subjects = [{ mode: 'baseline' as const, threads: 1, batch: 1, wallMs: around(100), cpuMs: around(100), checksumOk: true }];
  for (const threads of [1, 2]) for (const batch of [1, 4]) subjects.push({ mode: 'pool', threads, batch, wallMs: around(poolMs(threads, batch)), cpuMs: around(100), checksumOk: true } as never);
  return {
    workload: 'f.mjs',
    kind: 'sync',
    cores: 2,
    maxThreads: 2,
    subjects,
    callMs: Array.from({ length: 8 }, () => around(12.5)),
    ...eightSmallInputs(),
    runMs: 7_000,
    ...floor,
  };
}

const floorNote = (f: TryFigures): string | undefined => analyseTry(f).notes.find((n) => n.includes('postMessage'));
const measured = { postMessageFloor: { value: 50, low: 45, high: 60, batches: 12 } };

describe('try puts the best pool setting beside the postMessage floor measured in the same run', () => {
  it('costs the fastest pool setting per task beyond the loop, and divides it by the floor', () => {
    // Two threads at batch 1: 55 ms × 2 threads − 100 ms over 8 tasks = 1250 µs a task; 1250 / 50 = 25x.
    const f = figures((t, b) => (t === 2 && b === 1 ? 55 : 90), measured);
    expect(analyseTry(f).facts).toMatchObject({ postMessageFloorUs: 50, postMessageFloorLowUs: 45, postMessageFloorHighUs: 60, bestPoolOverheadUs: 1250, bestPoolOverFloor: 25 });
    expect(floorNote(f)).toBe(
      "The best pool setting costs 1250 µs a task over the loop (its threads' time less the loop's, per task: slower calls in the workers included); a bare postMessage round trip costs 50.0 µs here [45.0-60.0]: 25.00x the floor. See `npm run exp:hand-off` for where the rest goes.",
    );
  });

  it('counts the tasks a batch makes and the threads it used: batch 4 of 8 inputs is 2 tasks', () => {
    // Two threads at batch 4: 51 ms × 2 − 100 ms over 2 tasks = 1000 µs a task; 1000 / 50 = 20x.
    const f = figures((t, b) => (t === 2 && b === 4 ? 51 : 90), measured);
    expect(analyseTry(f).facts).toMatchObject({ bestPoolOverheadUs: 1000, bestPoolOverFloor: 20 });
    expect(floorNote(f)).toContain('costs 1000 µs a task over the loop');
  });

  it('says nothing was paid over the loop when the threads more than made up for it, with no ratio', () => {
    const f = figures((t) => (t === 2 ? 45 : 90), measured);
    expect(analyseTry(f).facts.bestPoolOverheadUs).toBeLessThan(0);
    expect(floorNote(f)).toContain('costs nothing over the loop a task');
    expect(floorNote(f)).not.toContain('the floor.');
  });

  it('without a floor: the facts are null, and the note says why when a reason is given', () => {
    const skipped = figures((t, b) => (t === 2 && b === 1 ? 55 : 90), { postMessageFloorSkipped: 'The postMessage floor was not measured (--quick).' });
    expect(analyseTry(skipped).facts).toMatchObject({ postMessageFloorUs: null, bestPoolOverFloor: null, bestPoolOverheadUs: 1250 });
    expect(analyseTry(skipped).notes).toContain('The postMessage floor was not measured (--quick).');
    expect(floorNote(figures(() => 90, {}))).toBeUndefined();
  });
});
