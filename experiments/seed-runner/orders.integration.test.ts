import { describe, expect, it } from 'vitest';
import { articleWaitLengths, articleWorkload, interpretSeedRunner, seedRunner, type OrderRow, type SeedRunnerRow } from './index.ts';
import { waitFigures } from '../../src/experiment/wait-figures.ts';
import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import { tinyContext } from '../../test/helpers/context.ts';
import { fixedStats } from '../../test/helpers/fixed-stats.ts';
import { mostWaitsAtOnce, timerWaits, type TraceWait } from '../../test/helpers/trace-waits.ts';

const FIFO = [
  'task1_part1.1', 'task1_part1.2',
  'task1_part2.0', 'task1_part2.1', 'task1_part2.2',
  'task1_part3.1', 'task1_part3.2', 'task1_part3.3', 'task1_part3.4', 'task1_part3.5',
  'task1_part1.1', 'task1_part1.2',
];
const ROUND_ROBIN = [
  'task1_part1.1', 'task1_part2.0', 'task1_part3.1', 'task1_part1.1',
  'task1_part1.2', 'task1_part2.1', 'task1_part3.2', 'task1_part1.2',
  'task1_part2.2', 'task1_part3.3', 'task1_part3.4', 'task1_part3.5',
];

type OrderJson = Extract<SeedRunnerRow, { kind: 'order' }>;
type TimingJson = Extract<SeedRunnerRow, { kind: 'timing' }>;

function comparison(workload: string, mode: 'sequential' | 'interleaved', medianMs: number, baselineMs: number): ModeComparison {
  return {
    workload, mode, threads: 1, repeats: 3, medianMs, meanMs: medianMs, minMs: medianMs, maxMs: medianMs, sdMs: 0,
    rsd: 0, noisy: false, speedup: baselineMs / medianMs, ...fixedStats(medianMs, baselineMs / medianMs), efficiency: baselineMs / medianMs,
    checksumOk: true, checksum: 1, baseline: 'sequential',
  };
}

function order(policy: 'fifo' | 'round-robin', waits: 'block' | 'wait', labels: string[], tasks: string[], switches: number): OrderRow {
  return { policy, waits, order: labels, tasks, switches };
}

describe('seed-runner experiment', () => {
  it("runs the article's steps in the article's order under fifo and interleaves them under round-robin", async () => {
    const result = await seedRunner.run(tinyContext());
    const orders = result.rows.filter((r): r is OrderJson => r.kind === 'order');
    const find = (policy: string, waits: string): OrderJson => orders.find((o) => o.policy === policy && o.waits === waits)!;
    expect(find('fifo', 'block').order).toEqual(FIFO);
    expect(find('fifo', 'block').switches).toBe(3);
    expect(find('fifo', 'wait').order).toEqual(FIFO);
    expect(find('round-robin', 'block').order).toEqual(ROUND_ROBIN);
    // The delegated steps print task1_part1's labels but run in task1_part4, as `yield from` does.
    expect(find('round-robin', 'block').tasks[3]).toBe('task1_part4');
    // With timers the order depends on which wait ends first, but each task keeps its own order.
    const timers = find('round-robin', 'wait');
    for (const task of ['task1_part1', 'task1_part2', 'task1_part3', 'task1_part4']) {
      const own = timers.order.filter((_, i) => timers.tasks[i] === task);
      const expected = FIFO.filter((_, i) => find('fifo', 'block').tasks[i] === task);
      expect(own).toEqual(expected);
    }

    const timing = result.rows.filter((r): r is TimingJson => r.kind === 'timing');
    for (const r of timing) expect(r.checksumOk).toBe(true);
    // How much the overlap saves is the experiment's own figure, in its table; what a test can prove on
    // a busy machine is the overlap itself, from the trace: timer waits of different tasks overlap under
    // round-robin and not under fifo, and blocking waits, inside a step, leave nothing to overlap.
    const waitsOf = (workload: string, mode: string): TraceWait[] => {
      const run = result.runs!.map((r) => r.run).find((r) => r.workload.startsWith(workload) && r.mode === mode);
      expect(run, `no ${mode} run of ${workload} among ${result.runs!.map((r) => `${r.run.mode} ${r.run.workload}`).join(', ')}`).toBeDefined();
      return timerWaits(run!.trace);
    };
    expect(waitsOf('timer waits', 'interleaved').length).toBeGreaterThan(0);
    expect(mostWaitsAtOnce(waitsOf('timer waits', 'interleaved'))).toBeGreaterThan(1);
    expect(waitsOf('timer waits', 'sequential').length).toBeGreaterThan(0);
    expect(mostWaitsAtOnce(waitsOf('timer waits', 'sequential'))).toBe(1);
    expect(waitsOf('blocking waits', 'interleaved')).toEqual([]);
    expect(waitsOf('blocking waits', 'sequential')).toEqual([]);
    expect(result.notes).toHaveLength(3);
  });

  it('draws the same seeded wait lengths for both kinds of wait, and other lengths for another seed', () => {
    const { lengths } = articleWaitLengths(true, 1);
    expect(lengths).toEqual(articleWaitLengths(true, 1).lengths);
    expect(lengths).not.toEqual(articleWaitLengths(true, 2).lengths);
    expect(lengths.every((ms) => ms >= 1 && ms <= 10)).toBe(true);
    const facts = waitFigures(articleWorkload('block', lengths), 1);
    expect(facts).toEqual(waitFigures(articleWorkload('wait', lengths), 1));
    // task1_part4 delegates to task1_part1, so task1_part1's waits count twice in the sum.
    const [a, b] = lengths;
    expect(facts.sumOfWaitsMs).toBe(lengths.reduce((s, x) => s + x, 0) + a! + b!);
  });

  it('computes its sentences from the numbers it is given', () => {
    const tasks = ['task1_part1', 'task1_part1', 'task1_part2', 'task1_part2', 'task1_part2', 'task1_part3', 'task1_part3', 'task1_part3', 'task1_part3', 'task1_part3', 'task1_part4', 'task1_part4'];
    const orders = [
      order('fifo', 'block', FIFO, tasks, 3),
      order('round-robin', 'block', ROUND_ROBIN, tasks, 9),
      order('fifo', 'wait', FIFO, tasks, 3),
    ];
    const block = [comparison('blocking waits', 'sequential', 80, 80), comparison('blocking waits', 'interleaved', 79, 80)];
    const wait = [comparison('timer waits', 'sequential', 80, 80), comparison('timer waits', 'interleaved', 40, 80)];
    const facts = { sumOfWaitsMs: 75, longestTaskWaitMs: 32, longestTask: 'task1_part3' };
    const notes = interpretSeedRunner(orders, block, wait, facts).join('\n');
    expect(notes).toContain('fifo ran the 12 steps with 3 task switches, each task to its end before the next');
    expect(notes).toContain('in the same order with timer waits');
    expect(notes).toContain('round-robin switched task 9 times in 11 hand-overs (task1_part1.1, task1_part2.0, task1_part3.1, task1_part1.1, ...)');
    expect(notes).toContain('interleaved against sequential: 1.01x the speed, too few repeats for a verdict (n = 3) (79.0 vs 80.0 ms; the waits add up to 75.0 ms)');
    expect(notes).toContain('so round-robin can change the order but not the total (too few repeats to test that here)');
    expect(notes).toContain(
      "interleaved took 40.0 ms against sequential's 80.0 ms (2.00x the speed of sequential, too few repeats for a verdict (n = 3)), 1.25x [1.25-1.25] (75% interval of 3 repeats) the longest task's own waits (32.0 ms, task1_part3)",
    );
    expect(notes).toContain('so the waits overlapped');
  });

  it('says so when the numbers contradict the expectation', () => {
    const tasks = Array.from({ length: 12 }, (_, i) => `t${i % 2}`);
    const orders = [order('fifo', 'block', FIFO, tasks, 11), order('round-robin', 'block', ROUND_ROBIN, tasks, 11), order('fifo', 'wait', ROUND_ROBIN, tasks, 11)];
    const block = [comparison('blocking waits', 'sequential', 80, 80), comparison('blocking waits', 'interleaved', 40, 80)];
    const wait = [comparison('timer waits', 'sequential', 80, 80), { ...comparison('timer waits', 'interleaved', 78, 80), checksumOk: false }];
    const notes = interpretSeedRunner(orders, block, wait, { sumOfWaitsMs: 75, longestTaskWaitMs: 32, longestTask: 'task1_part3' });
    expect(notes[0]).toBe('CHECKSUMS DIFFER in timer waits/interleaved: these rows did different work, and their times mean nothing.');
    const text = notes.join('\n');
    expect(text).toContain('so it did NOT run each task to its end, in a DIFFERENT order with timer waits');
    expect(text).toContain('less than blocking waits allow: they overlap nothing, and this run does not show what else made the sequential rounds slower');
    expect(text).not.toContain('busy machine');
    expect(text).toContain('the waits did NOT overlap');
  });
});
