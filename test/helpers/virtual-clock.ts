import type { RunReport, Scheduler } from '../../src/scheduler/index.ts';

/** A clock the test sets; reading it more than `budget` times throws (the run spins). */
export class VirtualClock {
  now: number;
  reads = 0;
  constructor(
    start = 0,
    private readonly budget = 200,
  ) {
    this.now = start;
  }
  readonly read = (): number => {
    if (++this.reads > this.budget) throw new Error(`the clock was read more than ${this.budget} times: the run spins`);
    return this.now;
  };
}

/** The run's promise, and whether (and how) it has settled so far. */
export function started(s: Scheduler): { settled: () => 'pending' | 'done' | 'rejected'; report: () => RunReport | undefined; error: () => unknown } {
  let state: 'pending' | 'done' | 'rejected' = 'pending';
  let report: RunReport | undefined;
  let error: unknown;
  s.run().then(
    (r) => ((state = 'done'), (report = r)),
    (e: unknown) => ((state = 'rejected'), (error = e)),
  );
  return { settled: () => state, report: () => report, error: () => error };
}

export const nextMacrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** A slice that never ends by time: only the budget of clock reads bounds it. */
export const oneLongSlice = 1e9;
