import { describe, expect, it } from 'vitest';
import { interpretThreadsVsProcesses } from './analysis.ts';
import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import { cpuRows, threadsVsProcessesFigures as figures } from '../../test/helpers/analysis-threads-vs-processes-figures.ts';

/** The cpu-bound sentence: how processes compared with threads, and what the hand-over explains. */
const handOver = (overrides: Parameters<typeof figures>[0]): string => interpretThreadsVsProcesses(figures(overrides))[2]!;
const head = (processesSpeed: string, threadsSpeed: string, n: number): string =>
  `cpu-bound work, 2 at a time: processes were ${processesSpeed} the speed of sequential, too few repeats for a verdict (n = ${n}) and threads ${threadsSpeed} the speed of sequential, too few repeats for a verdict (n = ${n}); `;
const rising = [10, 20, 30, 40, 50, 60, 70];
const roundTrips = (threadUs: number, processUs: number) => ({ thread: Array.from({ length: 40 }, (_, i) => threadUs - 2 + (i % 5)), process: Array.from({ length: 40 }, (_, i) => processUs - 2 + (i % 5)) });

describe('threads-vs-processes: processes against threads on the cpu-bound work, by the paired verdict', () => {
  it('slower, with a hand-over that explains all of the difference', () => {
    // 50 µs more per task over 100 tasks is 5 ms: exactly the 5 ms processes took longer.
    expect(handOver({ tasks: 100, roundTripUs: roundTrips(22, 72) })).toBe(
      head('1.82x', '2.00x', 7) + "the processes took 1.10x [1.06-1.14] the threads' time, 10% slower (p = 0.016, Wilcoxon signed-rank over 7 paired rounds), 5.00 ms more; 50 µs more per task for the hand-over, 5.00 ms over the run's 100 tasks explains all of it.",
    );
  });

  it('slower, with a cheaper hand-over that explains none of it', () => {
    expect(handOver({ roundTripUs: roundTrips(82, 22) })).toBe(
      head('1.82x', '2.00x', 7) +
        "the processes took 1.10x [1.06-1.14] the threads' time, 10% slower (p = 0.016, Wilcoxon signed-rank over 7 paired rounds), 5.00 ms more; 60 µs less per task for the hand-over, 0.48 ms over the run's 8 tasks explains 0.0% of it; nothing else this experiment measured explains the rest.",
    );
  });

  it('faster, which the hand-over cannot explain', () => {
    expect(handOver({ rows: cpuRows(rising, rising.map((ms) => ms - 2)) })).toBe(
      head('2.63x', '2.50x', 7) +
        "the processes took 0.95x [0.80-0.97] the threads' time, 5.0% faster (p = 0.016, Wilcoxon signed-rank over 7 paired rounds); 60 µs more per task for the hand-over, 0.48 ms over the run's 8 tasks cannot explain that, and nothing else this experiment measured does.",
    );
  });

  it('no measurable difference', () => {
    expect(handOver({ rows: cpuRows(rising, rising) })).toBe(
      head('2.50x', '2.50x', 7) +
        "the processes took 1.00x [1.00-1.00] the threads' time: no measurable difference (p = 1.000, Wilcoxon signed-rank over 7 paired rounds); once warm, a process computed as fast as a thread here, " +
        "and 60 µs more per task for the hand-over, 0.48 ms over the run's 8 tasks did not show beside the work.",
    );
  });

  it('claims neither when the test and the medians point opposite ways', () => {
    // Six rounds 1 ms slower and the middle one 0.1 ms faster: the test says slower (p = 0.031), the medians 39.9 against 40.
    const slowerTest = handOver({ rows: cpuRows(rising, [11, 21, 31, 39.9, 51, 61, 71]) });
    expect(slowerTest).toBe(
      head('2.51x', '2.50x', 7) + "the processes took 1.00x [1.00-1.10] the threads' time; the paired test found a difference (p = 0.031, Wilcoxon signed-rank over 7 paired rounds) in the direction the medians do not show, so this run claims neither.",
    );
    const fasterTest = handOver({ rows: cpuRows(rising, [9, 19, 29, 40.1, 49, 59, 69]) });
    expect(fasterTest).toBe(
      head('2.49x', '2.50x', 7) + "the processes took 1.00x [0.90-1.00] the threads' time; the paired test found a difference (p = 0.031, Wilcoxon signed-rank over 7 paired rounds) in the direction the medians do not show, so this run claims neither.",
    );
  });

  it('too few rounds, or none kept, cannot say', () => {
    expect(handOver({ rows: cpuRows([50, 50, 50], [55, 56, 54]) })).toBe(
      head('1.82x', '2.00x', 3) + "the processes took 1.10x [1.08-1.12] the threads' time, too few repeats for a verdict (n = 3): this run cannot say whether a process computes slower than a thread.",
    );
    const bare = cpuRows([50], [55]).map(({ samples: _, ...r }) => r as ModeComparison);
    expect(handOver({ rows: bare })).toBe(
      head('1.82x', '2.00x', 1) + "the processes took 1.10x the threads' time, untested: no samples were kept, so this run cannot say whether a process computes slower than a thread.",
    );
  });

  it('reads each mode against sequential by its own verdict', () => {
    const rows = cpuRows([50, 50, 50], [55, 56, 54]).map((r) => (r.mode === 'processes' ? { ...r, verdict: { state: 'faster' as const, n: 7, p: 0.0156 } } : r.mode === 'parallel' ? { ...r, verdict: { state: 'same' as const, n: 7, p: 0.5 } } : r));
    expect(handOver({ rows })).toMatch(/^cpu-bound work, 2 at a time: processes were 1\.82x faster than sequential \(p = 0\.016\) and threads no measurable difference from sequential \(2\.00x, p = 0\.500\); /);
  });
});
