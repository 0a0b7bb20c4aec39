import { describe, expect, it } from 'vitest';
import { analyseLadder, interpretLadder, type LadderSize } from './analysis.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import type { ModeName } from '../../src/modes/index.ts';
import { ladderRow, ladderSweep } from '../../test/helpers/analysis-ladder-figures.ts';

const oneThread = { switchNs: 30, awaitHopNs: 40 };
/** At 4 units these modes took 40 ms, 2.5x where 2 workers allow 2x, beyond their interval: impossible there. */
const beyondAt4 = (modes: readonly ModeName[]): LadderSize[] =>
  ladderSweep().map((s, i) => (i === 0 ? { ...s, rows: s.rows.map((r) => (modes.includes(r.mode) ? { ...ladderRow(r.mode, 40), speedupLow: 2.3, samples: samplesOf([40, 40, 40, 40, 40]) } : r)) } : s));

describe('distributed ladder at its boundaries', () => {
  it('counts only as many workers as there are cores', () => {
    expect(analyseLadder(ladderSweep(), oneThread, 4, 2).usable).toBe(2);
    expect(interpretLadder(analyseLadder(ladderSweep(), oneThread, 4, 2), 4, 2)[0]).toContain('fitted per task over every size, 4 workers on 2 cores, with 95% intervals');
  });

  it('bootstraps only the sizes every rung could use', () => {
    const e = analyseLadder(beyondAt4(['piscina']), oneThread, 2, 2).estimates;
    // Fitted on 16, 64 and 256 units: 20 µs a task, not pulled down by the impossible 40 ms at 4 units.
    expect([e.thread.value, e.thread.low, e.thread.high].map((v) => Number(v.toFixed(3)))).toEqual([20, 19.247, 20.839]);
  });

  it('gives intervals from two rounds a row on', () => {
    const twoRounds = ladderSweep().map((s) => ({ ...s, rows: s.rows.map((r) => ({ ...r, samples: r.samples!.slice(0, 2) })) }));
    const { thread } = analyseLadder(twoRounds, oneThread, 2, 2).estimates;
    expect([thread.value, thread.low, thread.high].map((v) => Number(v.toFixed(3)))).toEqual([20, 19.713, 20.331]);
  });

  it('writes a ratio of exactly 100 as 100x', () => {
    // 20 µs over an await hop of 200 ns.
    expect(interpretLadder(analyseLadder(ladderSweep({}, 0, false), { switchNs: 30, awaitHopNs: 200 }, 2, 2), 2, 2)[0]).toContain('a task to a worker thread costs 100x an await hop, too few rounds for an interval;');
  });

  it('a process exactly as dear as a thread is not a rung up', () => {
    expect(interpretLadder(analyseLadder(ladderSweep({ process: 0.02 }), oneThread, 2, 2), 2, 2)[0]).toMatch(
      /^The rungs did not come out in order in this run .*a task to a process costs 1\.00x \(95% interval [\d.]+x to [\d.]+x\) one to a thread, not measurably more \(the interval reaches 1\);/,
    );
  });

  it('lists every rung that left a size out', () => {
    expect(interpretLadder(analyseLadder(beyondAt4(['piscina', 'processes']), oneThread, 2, 2), 2, 2).at(-1)).toBe(
      "The fitted costs leave the impossible points out (not clamped to zero), as granularity's do: piscina left out 4 units/task; processes left out 4 units/task. " +
        'Every rung is fitted on the same sizes, those possible for all (16, 64, 256 units/task), so that their costs compare the same work.',
    );
  });
});
