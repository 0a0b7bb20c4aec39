import { describe, expect, it } from 'vitest';
import { analyseCpuBound } from './analysis.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import type { OneWorkload } from '../../src/experiment/kit.ts';
import type { ModeMeasurement } from '../../src/measure/measure-modes.ts';
import { cpuBoundWorkload } from '../../src/workload/presets.ts';
import { comparedRow, sevenRounds } from '../../test/helpers/analysis-mode-rows.ts';
import { resultTable } from '../../test/helpers/result-table.ts';

/** The last run of one mode, as far as the step table reads it: its lanes and, per step, the task and lane. */
function lastRun(mode: string, lanes: number, steps: readonly (readonly [task: string, lane: number])[]): ModeMeasurement {
  return { mode, lastRun: { lanes: Array.from({ length: lanes }, (_, i) => i), trace: steps.map(([task, lane]) => ({ task, lane })) } } as unknown as ModeMeasurement;
}

const twoCores = { threads: 2, machine: { availableParallelism: 2 } } as ExperimentContext;

function measured(): OneWorkload {
  return {
    workload: cpuBoundWorkload({ tasks: 8, unitsPerTask: 1000 }),
    rows: [
      comparedRow('cpu', 'sequential', 1, sevenRounds(800), 800, { cpuMs: 790 }),
      comparedRow('cpu', 'interleaved', 1, sevenRounds(840), 800, { cpuMs: 830 }),
      comparedRow('cpu', 'parallel', 2, sevenRounds(500), 800, { cpuMs: 960 }),
      comparedRow('cpu', 'piscina', 2, sevenRounds(450), 800, { cpuMs: 880 }),
    ],
    // piscina ran no steps of the lab's: no last run of its own.
    measurements: [
      lastRun('sequential', 1, [['a', 0], ['a', 0], ['b', 0], ['b', 0]]),
      lastRun('interleaved', 1, [['a', 0], ['b', 0], ['a', 0], ['b', 0], ['a', 0]]),
      lastRun('parallel', 2, [['a', 1], ['c', 2], ['b', 1]]),
    ],
    untraced: [],
  };
}

describe('cpu-bound analysis: tables, facts and rows from the compared modes and their last runs', () => {
  // Analysed inside each test, not once for the describe block: code run while tests are collected is
  // covered by no test, so Stryker would run none of these against a mutant of it.
  const analysed = (): ReturnType<typeof analyseCpuBound> => analyseCpuBound(measured(), twoCores);

  it('counts lanes, steps and task switches per mode, and zero for a mode with no run of its own', () => {
    expect(analysed().tables.map((t) => t.title)).toEqual(['cpu-bound: 8 tasks of 1000 cpu units each', 'steps and task switches (last run of each mode)']);
    expect(analysed().tables[1]).toEqual(resultTable('steps and task switches (last run of each mode)', `
      mode | lanes | steps | task switches
      sequential | 1 | 4 | 1
      interleaved | 1 | 5 | 4
      parallel | 2 | 3 | 1
      piscina | 0 | 0 | 0
    `));
    expect(analysed().settings).toEqual({ workload: '8 tasks of 1000 cpu units each' });
  });

  it('puts the step counts and the CPU per kernel unit on every row', () => {
    expect(analysed().rows.map((r) => [r.mode, r.lanes, r.steps, r.switches, r.cpuPerUnitUs])).toEqual([
      ['sequential', 1, 4, 1, 98.75],
      ['interleaved', 1, 5, 4, 103.75],
      ['parallel', 2, 3, 1, 120],
      ['piscina', 0, 0, 0, 110],
    ]);
    expect(analysed().rows[2]!.medianMs).toBe(500);
  });

  it('states the ideal and each ratio from the medians', () => {
    expect(analysed().facts).toEqual({ cores: 2, tasks: 8, idealParallelSpeedup: 2, parallelShareOfIdeal: 0.8, interleavedOverSequential: 1.05, parallelSpeedupVsPiscina: 0.9 });
  });

  it('reads the extra switches from the last runs, and ends with what the speedup cost in CPU', () => {
    expect(analysed().notes).toEqual([
      'interleaved against sequential: 1.05x slower (p = 0.016); +40.0 ms (+5.0%) by the medians, at most 13333.33 µs for each of its 3 extra task switches. Taking turns on one thread overlaps no CPU work, so interleaving can gain nothing.',
      'parallel on 2 worker threads was 1.60x faster than sequential (p = 0.016), 80% of the ideal 2.00x for 8 equal tasks on min(2 threads, 2 cores) = 2; ' +
        'the missing 20% is time the threads spent on something other than task work (messages, task start-up, other processes on the machine).',
      'What the speedup cost in CPU: piscina was 1.78x the speed of sequential, too few repeats for a verdict (n = 7) and used 880 ms of CPU against 790 ms ' +
        '(1.11x, medians over all threads of the process; untested, as CPU time per repeat is not kept): more CPU in total by the medians, not less.',
    ]);
  });

  it('takes the ideal from the threads it was given, on the cores of the machine', () => {
    const facts = analyseCpuBound(measured(), { threads: 4, machine: { availableParallelism: 4 } } as ExperimentContext).facts;
    expect(facts.idealParallelSpeedup).toBe(4);
    expect(facts.parallelShareOfIdeal).toBe(0.4);
    expect(facts.cores).toBe(4);
  });
});
