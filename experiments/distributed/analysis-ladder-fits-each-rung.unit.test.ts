import { describe, expect, it } from 'vitest';
import { analyseLadder, paysFrom, RUNGS, rungOf } from './analysis.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import { ladderRow, ladderSweep } from '../../test/helpers/analysis-ladder-figures.ts';

const oneThread = { switchNs: 30, awaitHopNs: 40 };

describe('distributed: each rung fitted as granularity fits the plain pool', () => {
  // Analysed inside each test, not once for the describe block: code run while tests are collected is
  // covered by no test, so Stryker would run none of these against a mutant of it.
  const ladder = (): ReturnType<typeof analyseLadder> => analyseLadder(ladderSweep(), oneThread, 2, 2);

  it('fits a cost per task for each rung over every size, and keeps the one-thread rungs beside them', () => {
    const a = ladder();
    expect([a.switchNs, a.awaitHopNs, a.usable, a.usPerUnit]).toEqual([30, 40, 2, 100_000 / 16 / 256]);
    expect(a.rungs.map((r) => [r.rung, r.name, r.mode])).toEqual([
      ['thread', 'a task to a worker thread (plain Piscina pool)', 'piscina'],
      ['process', 'a task to a forked process', 'processes'],
      ['queue', 'a job through the queue (BullMQ on Redis)', 'distributed'],
    ]);
    expect(a.rungs.map((r) => Number(r.dispatchUs.toFixed(9)))).toEqual([20, 100, 500]);
    expect(a.fittedOn).toEqual([4, 16, 64, 256]);
    expect(rungOf(a, 'process')).toBe(a.rungs[1]);
    expect(rungOf(a, 'queue').crossover).toMatchObject({ state: 'crossed', below: 16, above: 64 });
    expect(RUNGS.map((r) => r.rung)).toEqual(['thread', 'process', 'queue']);
  });

  it('gives each cost and each step up the ladder an interval from the rounds', () => {
    const rounded = Object.fromEntries(Object.entries(ladder().estimates).map(([k, e]) => [k, [e.value, e.low, e.high].map((v) => Number(v.toFixed(3)))]));
    expect(rounded).toEqual({
      thread: [20, 19.792, 20.246],
      process: [100, 99.703, 100.265],
      queue: [500, 498.675, 501.447],
      processVsThread: [5, 4.93, 5.058],
      queueVsProcess: [5, 4.979, 5.021],
    });
  });

  it('keeps no interval unless every row of every size kept two rounds or more', () => {
    const oneRound = ladderSweep().map((s, i) => (i === 2 ? { ...s, rows: s.rows.map((r) => (r.mode === 'processes' ? { ...r, samples: samplesOf([r.medianMs]) } : r)) } : s));
    const e = analyseLadder(oneRound, oneThread, 2, 2).estimates;
    expect(Object.values(e).map((x) => [Number.isNaN(x.low), Number.isNaN(x.high), Number.isFinite(x.value)])).toEqual(Array.from({ length: 5 }, () => [true, true, true]));
    expect(Number(e.processVsThread.value.toFixed(9))).toBe(5);
    const bare = analyseLadder(ladderSweep({}, 0, false), oneThread, 2, 2).estimates;
    expect(Number.isNaN(bare.queue.low)).toBe(true);
  });

  it('fits every rung on the sizes possible for all of them', () => {
    const beyond = ladderSweep().map((s, i) => (i === 0 ? { ...s, rows: s.rows.map((r) => (r.mode === 'piscina' ? { ...ladderRow('piscina', 40), speedupLow: 2.3, samples: samplesOf([40, 40, 40, 40, 40]) } : r)) } : s));
    const left = analyseLadder(beyond, oneThread, 2, 2);
    expect(left.fittedOn).toEqual([16, 64, 256]);
    expect(left.rungs.map((r) => r.leftOut)).toEqual([[4], [], []]);
  });

  it('says from what size each rung pays, or that it paid everywhere, or nowhere', () => {
    const a = ladder();
    expect(a.rungs.map((r) => paysFrom(r, a.usPerUnit))).toEqual([
      'paid at every measured size, down to 97.7 µs per task (4 units; measurably faster than sequential at each)',
      'pays from about 391 µs of work per task (16 units; not measurably faster than sequential at 4, measurably faster from 16 on)',
      'pays from about 1.56 ms of work per task (64 units; not measurably faster than sequential at 16, measurably faster from 64 on)',
    ]);
    const never = analyseLadder(ladderSweep({ queue: 5 }), oneThread, 2, 2);
    expect(paysFrom(rungOf(never, 'queue'), never.usPerUnit)).toBe('did not measurably pay even at 6.25 ms per task (256 units), the largest measured');
  });
});
