import { describe, expect, it } from 'vitest';
import { interpretThreadsVsProcesses, threadsVsProcessesFacts, threadsVsProcessesTable } from './analysis.ts';
import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import { cpuRows, threadsVsProcessesFigures as figures } from '../../test/helpers/analysis-threads-vs-processes-figures.ts';

const rising = [10, 20, 30, 40, 50, 60, 70];
const without = (rows: readonly ModeComparison[], mode: string): ModeComparison[] => rows.map((r) => (r.mode === mode ? (({ samples: _, ...rest }) => rest as ModeComparison)(r) : r));

describe('threads-vs-processes at the edges of each reading', () => {
  it('equal medians with a paired test that says slower: claims neither', () => {
    // Six rounds 1 ms slower, one tied (dropped by the test): p = 2/64; the medians are both 40 ms.
    expect(interpretThreadsVsProcesses(figures({ rows: cpuRows(rising, [11, 21, 31, 40, 51, 61, 71]) }))[2]).toMatch(
      /the processes took 1\.00x \[1\.00-1\.10\] the threads' time; the paired test found a difference \(p = 0\.031, Wilcoxon signed-rank over 7 paired rounds\) in the direction the medians do not show, so this run claims neither\.$/,
    );
  });

  it('a hand-over that costs the same is counted as "more" by nothing', () => {
    expect(interpretThreadsVsProcesses(figures({ roundTripUs: { thread: [10, 10, 10], process: [10, 10, 10] } }))[2]).toMatch(
      /5\.00 ms more; 0\.0 µs more per task for the hand-over, 0\.00 ms over the run's 8 tasks explains 0\.0% of it; nothing else this experiment measured explains the rest\.$/,
    );
  });

  it('writes a round trip of 10 µs and more without a decimal', () => {
    expect(threadsVsProcessesTable(figures({ roundTripUs: { thread: [10], process: [9.99] } })).rows.map((r) => r[4])).toEqual(['10 µs', '10.0 µs']);
  });

  it('gives an interval from two paired rounds on', () => {
    const two = threadsVsProcessesFacts(figures({ rows: cpuRows([50, 50], [55, 56]) }));
    expect([two.processesOverParallelLow, two.processesOverParallelHigh, two.processesOverParallelP]).toEqual([1.1, 1.12, Number.NaN]);
  });

  it('with the rounds of only one mode kept, tests nothing', () => {
    const rows = cpuRows(rising, rising.map((ms) => ms + 1));
    for (const mode of ['processes', 'parallel']) {
      const facts = threadsVsProcessesFacts(figures({ rows: without(rows, mode) }));
      expect([facts.processesOverParallelLow, facts.processesOverParallelHigh, facts.processesOverParallelP]).toEqual([Number.NaN, Number.NaN, Number.NaN]);
      expect(interpretThreadsVsProcesses(figures({ rows: without(rows, mode) }))[2]).toMatch(
        /the processes took 1\.02x the threads' time, untested: no samples were kept, so this run cannot say whether a process computes slower than a thread\.$/,
      );
    }
  });
});
