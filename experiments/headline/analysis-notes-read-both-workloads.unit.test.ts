import { describe, expect, it } from 'vitest';
import { analyseHeadline, interpretHeadline } from './analysis.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import { cpuBoundWorkload } from '../../src/workload/presets.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import { comparedRow, sevenRounds } from '../../test/helpers/analysis-mode-rows.ts';

const cpu = cpuBoundWorkload({ tasks: 8, unitsPerTask: 1000 });
const wait: WorkloadSpec = { name: 'wait', description: '4 tasks that wait', tasks: [40, 30, 20, 10].map((ms, i) => ({ name: `w${i + 1}`, parts: [{ kind: 'wait', ms }] })) };

// The lab's thread ran the kernel 1.1x as slow per unit as a lone worker.
const cpuRows = [
  comparedRow('cpu', 'sequential', 1, sevenRounds(800), 800, { cpuMs: 800, kernelUsPerUnit: 7.7, loneWorkerUsPerUnit: 7 }),
  comparedRow('cpu', 'interleaved', 1, sevenRounds(810), 800, { cpuMs: 805 }),
  comparedRow('cpu', 'parallel', 2, sevenRounds(420), 800, { cpuMs: 830, speedupLow: 1.85, speedupHigh: 1.93 }),
  comparedRow('cpu', 'piscina', 2, sevenRounds(410), 800, { cpuMs: 820 }),
];
// 1.2x, 1.1x and 1.3x the sum of the waits (100 ms), the longest task's (40 ms) and a perfect pool's (50 ms).
const waitRows = [comparedRow('wait', 'sequential', 1, sevenRounds(120), 120), comparedRow('wait', 'interleaved', 1, sevenRounds(44), 120), comparedRow('wait', 'parallel', 2, sevenRounds(65), 120)];
const references = { sumOfWaitsMs: 100, longestTaskWaitMs: 40, perfectPoolMs: 50 };

describe('headline: both workloads in one analysis', () => {
  // Analysed inside each test, not once for the describe block: code run while tests are collected is
  // covered by no test, so Stryker would run none of these against a mutant of it.
  const analysed = (): ReturnType<typeof analyseHeadline> => analyseHeadline({ cpu, wait, cpuRows, waitRows }, { threads: 2, machine: { availableParallelism: 2 } } as ExperimentContext);

  it('has a table per workload and the CPU per unit on the cpu-bound rows only', () => {
    expect(analysed().settings).toEqual({ 'cpu-bound': '8 tasks of 1000 cpu units each', 'wait-bound': '4 tasks that wait' });
    expect(analysed().tables.map((t) => t.title)).toEqual(['cpu-bound: 8 tasks of 1000 cpu units each', 'wait-bound: 4 tasks that wait']);
    expect(analysed().rows.map((r) => [r.workload, r.mode, r.cpuPerUnitUs])).toEqual([
      ['cpu', 'sequential', 100],
      ['cpu', 'interleaved', 100.625],
      ['cpu', 'parallel', 103.75],
      ['cpu', 'piscina', 102.5],
      ['wait', 'sequential', undefined],
      ['wait', 'interleaved', undefined],
      ['wait', 'parallel', undefined],
    ]);
  });

  it('states the baseline against a lone worker and what the waits allow', () => {
    expect(analysed().facts).toEqual({ baselineVsWorkerPerUnit: 1.1, waitBoundSumOfWaitsMs: 100, waitBoundLongestTaskWaitMs: 40, waitBoundPerfectPoolMs: 50 });
  });

  it('says each comparison with its verdict and each median against its reference', () => {
    expect(analysed().notes).toEqual([
      'cpu-bound, interleaved against sequential: 1.01x slower (p = 0.016); switching tasks on one thread overlaps no CPU work. Parallel on 2 worker threads was 1.90x faster than sequential (p = 0.016), ' +
        '95% of the ideal 2.00x for 2 threads on 2 cores (speedup interval [1.85-1.93]).',
      "wait-bound: sequential took 1.20x [1.18-1.22] the sum of all waits (100 ms); interleaved took 1.10x [1.08-1.12] the longest single task's waits (40.0 ms), because a waiting task parks and the others run on the same thread.",
      'wait-bound: parallel took 65.0 ms against 50.0 ms for a perfect 2-thread pool (1.30x [1.27-1.33]): a worker holding one task overlaps only as many waits as there are threads, ' +
        'so for waiting, interleaving ran at 2.73x the sequential speed and parallel at 1.85x; interleaving against parallel: 1.48x faster (p = 0.016).',
      'What the speedup cost in CPU: piscina was 1.95x the speed of sequential, too few repeats for a verdict (n = 7) and used 820 ms of CPU against 800 ms ' +
        '(1.02x, medians over all threads of the process; untested, as CPU time per repeat is not kept): more CPU in total by the medians, not less.',
    ]);
  });

  it('caps the ideal at the eight tasks, and says the interval is unknown from one repeat, but not from two', () => {
    const many = cpuRows.map((r) => (r.mode === 'parallel' ? { ...r, threads: 16, speedup: 4, repeats: 1 } : r));
    expect(interpretHeadline(many, waitRows, references, 16)[0]).toContain(
      'Parallel on 16 worker threads was 1.90x faster than sequential (p = 0.016), 50% of the ideal 8.00x for 16 threads on 16 cores (speedup interval unknown (one repeat)).',
    );
    const two = cpuRows.map((r) => (r.mode === 'parallel' ? { ...r, repeats: 2 } : r));
    expect(interpretHeadline(two, waitRows, references, 2)[0]).toContain('(speedup interval [1.85-1.93]).');
    expect(interpretHeadline(cpuRows, waitRows, references, 1)[0]).toContain('190% of the ideal 1.00x for 2 threads on 1 core');
  });

  it('warns first about checksums and impossible rows, naming the kernel as the cause', () => {
    const bad = cpuRows.map((r) => (r.mode === 'parallel' ? { ...r, impossible: 'above 2 cores' } : r));
    const notes = interpretHeadline(bad, waitRows.map((r) => (r.mode === 'interleaved' ? { ...r, checksumOk: false } : r)), references, 2);
    expect(notes.slice(0, 2)).toEqual([
      'CHECKSUMS DIFFER in wait/interleaved: these rows did different work, and their times mean nothing.',
      'IMPOSSIBLE (✗): cpu parallel: above 2 cores. This is not a finding: the sequential baseline ran 10% slower per unit than a lone worker. Re-run on a quiet machine, or raise --repeats.',
    ]);
    expect(notes).toHaveLength(5);
  });
});
