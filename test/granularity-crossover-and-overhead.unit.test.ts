import { describe, expect, it } from 'vitest';
import { crossoverSize } from '../src/measure/crossover.ts';
import { fitOverheadPerTask, overheadPerTask } from '../src/measure/dispatch-overhead.ts';
import { sizeSpeedups } from './helpers/speedup-points.ts';

describe('crossover size', () => {
  it('interpolates in log-log between the sizes around speedup 1, computed by hand', () => {
    // ln 0.5 and ln 2 are symmetric around 0: halfway between ln 16 and ln 64, at 32.
    expect(crossoverSize([{ size: 64, speedup: 2 }, { size: 16, speedup: 0.5 }, { size: 4, speedup: 0.2 }])).toEqual({
      state: 'crossed',
      size: expect.closeTo(32, 10) as number,
      below: 16,
      above: 64,
      laterDips: [],
    });
  });

  it('takes the first crossing when the speedups wobble, and lists the later dips', () => {
    // t = -ln 0.5 / (ln 1.2 - ln 0.5) = 0.79174; 4 * 4^t = 11.99
    const c = crossoverSize(sizeSpeedups([4, 0.5], [16, 1.2], [64, 0.9], [256, 2]));
    expect(c.state).toBe('crossed');
    if (c.state === 'crossed') {
      expect(c.size).toBeCloseTo(11.99, 2);
      expect([c.below, c.above]).toEqual([4, 16]);
      expect(c.laterDips).toEqual([64]);
    }
  });

  it('says when parallel was faster at every size, or slower at every size', () => {
    expect(crossoverSize([{ size: 4, speedup: 1 }, { size: 16, speedup: 1.5 }])).toEqual({ state: 'always-faster', smallest: 4 });
    expect(crossoverSize([{ size: 4, speedup: 0.1 }, { size: 16, speedup: 0.99 }])).toEqual({ state: 'never-faster', largest: 16 });
  });

  it('refuses sizes or speedups that are not positive', () => {
    expect(() => crossoverSize([])).toThrow(RangeError);
    expect(() => crossoverSize([{ size: 0, speedup: 1 }])).toThrow(RangeError);
  });
});

describe('dispatch overhead', () => {
  it('spreads the time beyond the ideal over the tasks', () => {
    expect(overheadPerTask(30, 20, 100)).toBeCloseTo(0.1, 12);
    expect(overheadPerTask(19, 20, 10)).toBeCloseTo(-0.1, 12);
    expect(() => overheadPerTask(1, 1, 0)).toThrow(RangeError);
  });

  it('fits one per-task cost through the origin, weighting runs with many tasks, computed by hand', () => {
    // sum(n d) = 100*10 + 10*2 = 1020; sum(n n) = 10000 + 100 = 10100
    expect(fitOverheadPerTask([{ tasks: 100, extraMs: 10 }, { tasks: 10, extraMs: 2 }])).toBeCloseTo(1020 / 10100, 12);
    expect(fitOverheadPerTask([{ tasks: 50, extraMs: 5 }])).toBeCloseTo(0.1, 12);
  });
});
