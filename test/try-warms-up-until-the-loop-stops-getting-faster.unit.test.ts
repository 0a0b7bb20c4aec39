import { describe, expect, it } from 'vitest';
import { loopIsWarm, poolsToStart, tryRepeats, trySubjects } from '../src/cli/commands/try-plan.ts';
import { alternate } from '../src/measure/alternate.ts';
import { roundsForCorrectedTest } from '../src/measure/corrected-rounds.ts';
import { threadSweep } from '../src/measure/thread-sweep.ts';
import { warmEnough } from '../src/measure/warm-enough.ts';

describe('warm enough: the loop stopped getting faster', () => {
  const rule = { tolerance: 0.05, least: 2, cap: 10 };
  it('goes on while each round beats the best before it by more than the tolerance', () => {
    expect(warmEnough([], rule)).toBe(false);
    expect(warmEnough([43], rule)).toBe(false);
    expect(warmEnough([43, 30], rule)).toBe(false);
    expect(warmEnough([43, 30, 20, 11], rule)).toBe(false);
  });

  it('stops when the latest round is within the tolerance of the best before it, or slower', () => {
    expect(warmEnough([43, 30, 20, 11, 10.5], rule)).toBe(true);
    expect(warmEnough([10, 10.4], rule)).toBe(true);
    expect(warmEnough([10, 12], rule)).toBe(true);
    expect(warmEnough([10, 9.49], rule)).toBe(false);
    expect(warmEnough([10, 9.5], rule)).toBe(true);
  });

  it('stops at the cap, warm or not, and not before the least number of rounds', () => {
    expect(warmEnough([100, 90, 80], { ...rule, cap: 3 })).toBe(true);
    expect(warmEnough([10, 10, 10], { ...rule, least: 4 })).toBe(false);
  });

  it("counts try's checked loop as the first point", () => {
    expect(loopIsWarm(43, [])).toBe(false);
    expect(loopIsWarm(43, [30])).toBe(false);
    expect(loopIsWarm(43, [30, 29])).toBe(true);
    expect(loopIsWarm(12, [12])).toBe(true);
  });
});

describe('alternate warms up until told it is warm, in the balanced order', () => {
  it('runs warm-up rounds until `warm` says so, reports how many, then the timed rounds', async () => {
    const times = [43, 30, 20, 11, 10.8, 11, 11, 11];
    let baselineRun = 0;
    const order: string[] = [];
    const runs = await alternate(['loop', 'pool', 'other'], async (s) => {
      order.push(s);
      return s === 'loop' ? times[baselineRun++]! : 1;
    }, { repeats: 2, warmups: 10, warm: (w) => warmEnough(w.get('loop')!) });
    expect(runs.warmups).toBe(5);
    expect(runs.get('loop')).toEqual([11, 11]);
    // Each warm-up round follows the design: never the same subject twice in a row across rounds.
    expect(order.every((s, i) => i === 0 || s !== order[i - 1])).toBe(true);
  });

  it('keeps a fixed number when no `warm` is given, and none with 0', async () => {
    expect((await alternate(['a', 'b'], async () => 1, { repeats: 2, warmups: 3 })).warmups).toBe(3);
    expect((await alternate(['a', 'b'], async () => 1, { repeats: 2, warmups: 0, warm: () => false })).warmups).toBe(0);
    expect((await alternate(['a', 'b'], async () => 1, { repeats: 2, warmups: 2, warm: () => false })).warmups).toBe(2);
  });
});

describe("try's settings: a sweep of thread counts on one shared pool, and rounds for a corrected test", () => {
  it('sweeps 1, 2, 4, ... below the top, and the top', () => {
    expect(threadSweep(1)).toEqual([1]);
    expect(threadSweep(2)).toEqual([1, 2]);
    expect(threadSweep(6)).toEqual([1, 2, 4, 6]);
    expect(threadSweep(64)).toEqual([1, 2, 4, 8, 16, 32, 64]);
  });

  it('adds an A/A twin of its own pool below the top, and starts the shared pool and the twin only', () => {
    const subjects = trySubjects('sync', 8, [1, 16]);
    expect(subjects.filter((s) => s.mode === 'pool' && s.dedicated !== true).map((s) => `${s.threads}/${s.batch}`)).toEqual(['1/1', '1/16', '2/1', '2/16', '4/1', '4/16', '8/1', '8/16']);
    expect(subjects.at(-1)).toEqual({ mode: 'pool', threads: 4, batch: 1, dedicated: true });
    expect(poolsToStart(subjects, 8)).toEqual([8, 4]);
    expect(trySubjects('async', 1, [1]).map((s) => s.mode)).toEqual(['baseline', 'interleaved', 'pool']);
  });

  it('takes rounds enough that the smallest exact p, 2 / 2^n, passes Holm over the settings', () => {
    expect([1, 2, 8, 9, 16, 33].map(roundsForCorrectedTest)).toEqual([6, 7, 9, 9, 10, 11]);
    for (const settings of [1, 5, 9, 40]) {
      const n = roundsForCorrectedTest(settings);
      expect(2 / 2 ** n).toBeLessThan(0.05 / settings);
      expect(n === 6 || 2 / 2 ** (n - 1) >= 0.05 / settings).toBe(true);
    }
    expect(tryRepeats(2, [1, 4, 16, 64])).toBe(9);
    expect(tryRepeats(1, [1])).toBe(7);
  });
});
