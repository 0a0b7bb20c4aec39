import { describe, expect, it } from 'vitest';
import { analyseSeedRunner, interpretSeedRunner, type OrderRow, type SeedFacts } from './analysis.ts';
import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import { comparedRow, sevenRounds, threeRounds } from '../../test/helpers/analysis-mode-rows.ts';
import { resultTable } from '../../test/helpers/result-table.ts';

/** Tasks a (10 + 20 ms), b (5 ms), c (15 ms) and d, which delegates to b: the waits add up to 55 ms, a's are the longest. */
function spec(kind: 'block' | 'wait', name: string): WorkloadSpec {
  return {
    name,
    description: `4 tasks, ${kind}`,
    tasks: [
      { name: 'a', parts: [{ kind, ms: 10 }, { kind, ms: 20 }] },
      { name: 'b', parts: [{ kind, ms: 5 }] },
      { name: 'c', parts: [{ kind, ms: 15 }] },
      { name: 'd', parts: [{ kind: 'delegate', task: 'b' }] },
    ],
  };
}

const fifo = (waits: 'block' | 'wait', order = ['a.1', 'a.2', 'b.1', 'c.1', 'b.1'], tasks = ['a', 'a', 'b', 'c', 'd'], switches = 3): OrderRow => ({ policy: 'fifo', waits, order, tasks, switches });
const roundRobin = (waits: 'block' | 'wait', order: string[], tasks: string[], switches: number): OrderRow => ({ policy: 'round-robin', waits, order, tasks, switches });
const orders: OrderRow[] = [
  fifo('block'),
  roundRobin('block', ['a.1', 'b.1', 'c.1', 'b.1', 'a.2'], ['a', 'b', 'c', 'd', 'a'], 4),
  fifo('wait'),
  roundRobin('wait', ['a.1', 'b.1', 'c.1', 'b.1'], ['a', 'b', 'c', 'd'], 3),
];
const facts: SeedFacts = { sumOfWaitsMs: 55, longestTaskWaitMs: 30, longestTask: 'a' };
const rows = (workload: string, sequential: number[], interleaved: number[]): ModeComparison[] => [
  comparedRow(workload, 'sequential', 1, sequential, sequential[0]!),
  comparedRow(workload, 'interleaved', 1, interleaved, sequential[0]!),
];
const timers = rows('timer waits', sevenRounds(60), sevenRounds(33));

describe('seed-runner: the orders the article describes, and what blocking waits cost', () => {
  it('lays the orders side by side, naming the task a delegated step ran in', () => {
    const analysis = analyseSeedRunner({ maxMs: 20, block: spec('block', 'blocking waits'), wait: spec('wait', 'timer waits'), orders, blockRows: rows('blocking waits', sevenRounds(60), sevenRounds(66)), waitRows: timers });
    expect(analysis.settings).toEqual({ waits: "1-20 ms (the article's 0-500 ms scaled down)" });
    expect(analysis.tables[0]).toEqual(resultTable('execution order: the label each step prints, as the article does', `
      step | fifo (the article's code) | round-robin (its text) | round-robin, timer waits (first woken, first run)
      1 | a.1 | a.1 | a.1
      2 | a.2 | b.1 | b.1
      3 | b.1 | c.1 | c.1
      4 | c.1 | b.1 (in d) | b.1 (in d)
      5 | b.1 (in d) | a.2 |
    `, ['right', 'left', 'left', 'left']));
    expect(analysis.tables.slice(1).map((t) => t.title)).toEqual(['blocking waits: 4 tasks, block', 'timer waits: 4 tasks, wait']);
    expect(analysis.rows.map((r) => (r.kind === 'order' ? [r.kind, r.policy, r.waits] : [r.kind, r.workload, r.mode]))).toEqual([
      ['order', 'fifo', 'block'],
      ['order', 'round-robin', 'block'],
      ['order', 'fifo', 'wait'],
      ['order', 'round-robin', 'wait'],
      ['timing', 'blocking waits', 'sequential'],
      ['timing', 'blocking waits', 'interleaved'],
      ['timing', 'timer waits', 'sequential'],
      ['timing', 'timer waits', 'interleaved'],
    ]);
    expect(analysis.facts).toEqual({ sumOfWaitsMs: 55, longestTaskWaitMs: 30, blockingInterleavedVsSequential: 1.1, timerInterleavedSpeedup: 60 / 33 });
    expect(analysis.notes).toEqual([
      "fifo ran the 5 steps with 3 task switches, each task to its end before the next: that is what the article's code does (next() until StopIteration), in the same order with timer waits. " +
        "round-robin switched task 4 times in 4 hand-overs (a.1, b.1, c.1, b.1, ...): that is what the article's text describes.",
      'With blocking waits (Atomics.wait, like time.sleep), interleaved against sequential: 1.10x slower (p = 0.016) (66.0 vs 60.0 ms; the waits add up to 55.0 ms): ' +
        'a blocked thread runs nothing else, and round-robin took measurably longer in total.',
      "With timer waits interleaved took 33.0 ms against sequential's 60.0 ms (1.82x faster than sequential (p = 0.016)), 1.10x [1.08-1.12] the longest task's own waits (30.0 ms, a): " +
        'a task waiting on a timer parks and the others run, so the waits overlapped.',
    ]);
  });

  it('says so when fifo did not run each task to its end, or ran in another order with timers, or had no timer run', () => {
    const block = rows('blocking waits', sevenRounds(60), sevenRounds(66));
    const notToEnd = interpretSeedRunner([fifo('block', undefined, undefined, 4), orders[1]!, fifo('wait', ['a.1', 'b.1', 'a.2', 'c.1', 'b.1'])], block, timers, facts)[0]!;
    expect(notToEnd).toBe(
      'fifo ran the 5 steps with 4 task switches, so it did NOT run each task to its end, in a DIFFERENT order with timer waits. ' +
        "round-robin switched task 4 times in 4 hand-overs (a.1, b.1, c.1, b.1, ...): that is what the article's text describes.",
    );
    const noTimers = interpretSeedRunner([orders[0]!, roundRobin('block', [], [], 0)], block, timers, facts)[0]!;
    expect(noTimers).toBe(
      "fifo ran the 5 steps with 3 task switches, each task to its end before the next: that is what the article's code does (next() until StopIteration). " +
        "round-robin switched task 0 times in 0 hand-overs (, ...): that is what the article's text describes.",
    );
  });

  it('finds each order by its policy and its waits, wherever it stands among them', () => {
    const block = rows('blocking waits', sevenRounds(60), sevenRounds(66));
    const shuffled = [orders[3]!, orders[2]!, orders[0]!, orders[1]!];
    expect(interpretSeedRunner(shuffled, block, timers, facts)[0]).toBe(
      "fifo ran the 5 steps with 3 task switches, each task to its end before the next: that is what the article's code does (next() until StopIteration), in the same order with timer waits. " +
        "round-robin switched task 4 times in 4 hand-overs (a.1, b.1, c.1, b.1, ...): that is what the article's text describes.",
    );
  });

  it('reads blocking waits by the paired verdict: no difference, or faster than blocking allows', () => {
    const same = interpretSeedRunner(orders, rows('blocking waits', sevenRounds(60), sevenRounds(60)), timers, facts)[1]!;
    expect(same).toBe(
      'With blocking waits (Atomics.wait, like time.sleep), interleaved against sequential: as fast: no measurable difference (1.00x, p = 1.000) (60.0 vs 60.0 ms; the waits add up to 55.0 ms): ' +
        'a blocked thread runs nothing else, so round-robin changed the order but not the total.',
    );
    const faster = interpretSeedRunner(orders, rows('blocking waits', sevenRounds(60), sevenRounds(54)), timers, facts)[1]!;
    expect(faster).toBe(
      'With blocking waits (Atomics.wait, like time.sleep), interleaved against sequential: 1.11x faster (p = 0.016) (54.0 vs 60.0 ms; the waits add up to 55.0 ms): ' +
        'less than blocking waits allow: they overlap nothing, and this run does not show what else made the sequential rounds slower.',
    );
  });

  it('with too few rounds reads blocking waits by the ratio, from 0.8 up as no gain', () => {
    const at = (interleaved: number): string => interpretSeedRunner(orders, rows('blocking waits', threeRounds(60), threeRounds(interleaved)), timers, facts)[1]!;
    expect(at(48)).toBe(
      'With blocking waits (Atomics.wait, like time.sleep), interleaved against sequential: 1.25x the speed, too few repeats for a verdict (n = 3) (48.0 vs 60.0 ms; the waits add up to 55.0 ms): ' +
        'a blocked thread runs nothing else, so round-robin can change the order but not the total (too few repeats to test that here).',
    );
    expect(at(47)).toMatch(/\(47\.0 vs 60\.0 ms; the waits add up to 55\.0 ms\): less than blocking waits allow: they overlap nothing, and this run does not show what else made the sequential rounds slower\.$/);
    // Rows rebuilt from a saved summary keep no rounds: no verdict at all, only the ratio.
    const bare = rows('blocking waits', [60], [66]).map(({ samples: _, ...r }) => r as ModeComparison);
    expect(interpretSeedRunner(orders, bare, timers, facts)[1]).toMatch(/interleaved against sequential: 1\.10x slower \(66\.0 vs 60\.0 ms.*so round-robin can change the order but not the total \(too few repeats to test that here\)\.$/);
  });

  it('says the timer waits did not overlap below a 1.5x speedup, and warns first about checksums', () => {
    const block = rows('blocking waits', sevenRounds(60), sevenRounds(66));
    const at = (interleaved: number, speedup: number): string => interpretSeedRunner(orders, block, [timers[0]!, { ...comparedRow('timer waits', 'interleaved', 1, sevenRounds(interleaved), 60), speedup }], facts)[2]!;
    expect(at(40, 1.5)).toMatch(/, so the waits overlapped\.$/);
    expect(at(41, 1.49)).toBe(
      "With timer waits interleaved took 41.0 ms against sequential's 60.0 ms (1.46x faster than sequential (p = 0.016)), 1.37x [1.34-1.39] the longest task's own waits (30.0 ms, a): the waits did NOT overlap as they should.",
    );
    const notes = interpretSeedRunner(orders, [block[0]!, { ...block[1]!, checksumOk: false }], timers, facts);
    expect(notes).toHaveLength(4);
    expect(notes[0]).toBe('CHECKSUMS DIFFER in blocking waits/interleaved: these rows did different work, and their times mean nothing.');
  });
});
