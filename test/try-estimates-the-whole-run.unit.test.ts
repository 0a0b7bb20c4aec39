import { describe, expect, it } from 'vitest';
import { TryTimeLeft } from '../src/cli/commands/try-time-left.ts';
import type { TrySubject } from '../src/runtime/user-function/runner-protocol.ts';

const loop: TrySubject = { mode: 'baseline', threads: 1, batch: 1 };
const pool: TrySubject = { mode: 'pool', threads: 2, batch: 1 };

describe("try's estimate of the whole run", () => {
  it('takes the loop from the checks, every setting not yet run as one loop, and the cost phase from the hand-offs', () => {
    const estimate = new TryTimeLeft([loop, pool], 8, 3);
    estimate.handOff(0.6, 0.5);
    estimate.handOff(0.5, 0.2);
    // 4 of 8 inputs checked in 2 s: a loop takes 4 s. Left: 2 s of checks, 2 checked runs and 9 rounds of 2 settings at 4 s,
    // and the costs: a loop of calls, then 8 inputs x 2 x 3 round trips of 0.2 ms (the mean hand-off).
    expect(estimate.checked(4, 8, 2_000, 9)).toBeCloseTo(2_000 + 4_000 * 2 * 10 + 4_000 + 8 * 2 * 3 * 0.2, 9);
  });

  it("then each setting's latest run, and the runs done in the current round come off", () => {
    const estimate = new TryTimeLeft([loop, pool], 8, 3);
    estimate.ran(loop, 4_000);
    estimate.ran(pool, 2_000);
    expect(estimate.left(0, 3, 'measure 7')).toBe(6_000 * 3 + 4_000);
    estimate.ran(loop, 4_000);
    expect(estimate.left(0, 3, 'measure 7')).toBe(6_000 * 3 - 3_000 + 4_000);
    expect(estimate.left(0, 2, 'measure 8')).toBe(6_000 * 2 + 4_000);
    expect(estimate.costsMs()).toBe(4_000);
  });
});
