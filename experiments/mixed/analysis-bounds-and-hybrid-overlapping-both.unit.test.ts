import { describe, expect, it } from 'vitest';
import { analyseMixed, interpretMixed, mixedBounds, mixedFacts } from './analysis.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import { comparedRow, sevenRounds, threeRounds } from '../../test/helpers/analysis-mode-rows.ts';
import { resultTable } from '../../test/helpers/result-table.ts';

/** Four tasks of equal CPU work that wait 30, 20, 20 and 10 ms. */
const workload: WorkloadSpec = {
  name: 'mixed',
  description: '4 tasks that compute and wait',
  tasks: [30, 20, 20, 10].map((ms, i) => ({ name: `t${i + 1}`, parts: [{ kind: 'cpu', units: 100 }, { kind: 'wait', ms }] })),
};

describe('mixed: the least each mode could take, from the CPU time sequential measured', () => {
  it('splits sequential into waits and CPU, and bounds each mode by it', () => {
    const facts = mixedFacts(workload, 3, 2);
    expect(facts).toEqual({ waitsMs: [30, 20, 20, 10], threads: 3, cores: 2 });
    // 280 ms - 80 ms of waits = 200 ms of CPU, 50 a task: tasks of 80, 70, 70 and 60 ms.
    // parallel on 3 threads: 80 | 70+60 | 70 = 130 ms; hybrid: 200 ms over min(3, 2) cores = 100 ms, more than the longest task.
    expect(mixedBounds(280, facts)).toEqual({ sumOfWaitsMs: 80, cpuMs: 200, cpuShare: 200 / 280, longestTaskMs: 80, interleavedMs: 200, parallelMs: 130, hybridMs: 100 });
  });

  it('never counts negative CPU when sequential took less than its waits', () => {
    expect(mixedBounds(50, mixedFacts(workload, 2, 2))).toEqual({ sumOfWaitsMs: 80, cpuMs: 0, cpuShare: 0, longestTaskMs: 30, interleavedMs: 30, parallelMs: 40, hybridMs: 30 });
  });

  it('puts each mode beside its bound in a table, on its row and in the facts', () => {
    const rows = [
      comparedRow('mixed', 'sequential', 1, sevenRounds(280), 280),
      comparedRow('mixed', 'interleaved', 1, sevenRounds(220), 280),
      comparedRow('mixed', 'parallel', 3, sevenRounds(150), 280),
      comparedRow('mixed', 'hybrid', 3, sevenRounds(120), 280),
    ];
    const analysis = analyseMixed({ workload, rows, measurements: [], untraced: [] }, { threads: 3, machine: { availableParallelism: 2 } } as ExperimentContext);
    expect(analysis.settings).toEqual({ workload: '4 tasks that compute and wait' });
    expect(analysis.tables[0]!.title).toBe('mixed: 4 tasks that compute and wait');
    expect(analysis.tables[1]).toEqual(resultTable('each mode against the least it could take (CPU time from the sequential run)', `
      mode | bound | bound ms | median ms | median / bound
      sequential | all CPU + all waits | 280 | 280 | 1.00x
      interleaved | max(all CPU on 1 thread, longest task) | 200 | 220 | 1.10x
      parallel | perfect 3-thread pool, 1 task per worker | 130 | 150 | 1.15x
      hybrid | max(CPU over 2 cores, longest task) | 100 | 120 | 1.20x
    `, ['left', 'left', 'right', 'right', 'right']));
    expect(analysis.rows.map((r) => [r.mode, r.medianMs, r.boundMs])).toEqual([
      ['sequential', 280, 280],
      ['interleaved', 220, 200],
      ['parallel', 150, 130],
      ['hybrid', 120, 100],
    ]);
    expect(analysis.facts).toEqual({ sumOfWaitsMs: 80, cpuMsEstimate: 200, cpuShare: 200 / 280, hybridOverInterleaved: 220 / 120, hybridOverParallel: 1.25 });
    expect(analysis.notes).toEqual([
      'CPU work was 71% of the sequential time (200 ms: sequential minus its 80.0 ms of waits), waiting the rest. hybrid took 120 ms: 1.83x faster than interleaved (p = 0.016) (220 ms), ' +
        '1.25x faster than parallel (p = 0.016) (150 ms) and 2.33x faster than sequential (p = 0.016).',
      "interleaved hid the waits but ran all 200 ms of CPU on one thread (it took 1.10x [1.08-1.12] its bound of 200 ms); parallel split the CPU over 3 threads, but each worker sat through its task's waits " +
        '(1.15x [1.13-1.18] its bound of 130 ms). Each hybrid worker interleaved 1.3 tasks, so waits and CPU overlapped at once (1.20x [1.18-1.22] its bound of 100 ms).',
    ]);
  });

  it('counts whole tasks per hybrid worker when they divide evenly, and warns first about checksums', () => {
    const rows = [
      comparedRow('mixed', 'sequential', 1, threeRounds(280), 280),
      comparedRow('mixed', 'interleaved', 1, threeRounds(220), 280),
      comparedRow('mixed', 'parallel', 2, threeRounds(150), 280),
      comparedRow('mixed', 'hybrid', 2, threeRounds(120), 280, { checksumOk: false }),
    ].map(({ samples: _, ...r }) => r);
    expect(interpretMixed(rows, mixedFacts(workload, 2, 2))).toEqual([
      'CHECKSUMS DIFFER in mixed/hybrid: these rows did different work, and their times mean nothing.',
      'CPU work was 71% of the sequential time (200 ms: sequential minus its 80.0 ms of waits), waiting the rest. hybrid took 120 ms: 1.83x faster than interleaved (220 ms), 1.25x faster than parallel (150 ms) and 2.33x faster than sequential.',
      'interleaved hid the waits but ran all 200 ms of CPU on one thread (it took 1.10x (no repeats kept: no interval, too few repeats for a verdict) its bound of 200 ms); ' +
        "parallel split the CPU over 2 threads, but each worker sat through its task's waits (1.07x (no repeats kept: no interval, too few repeats for a verdict) its bound of 140 ms). " +
        'Each hybrid worker interleaved 2 tasks, so waits and CPU overlapped at once (1.20x (no repeats kept: no interval, too few repeats for a verdict) its bound of 100 ms).',
    ]);
  });

  it('gives each hybrid worker at most one task when there are more threads than tasks', () => {
    const rows = [280, 220, 150, 120].map((ms, i) => comparedRow('mixed', (['sequential', 'interleaved', 'parallel', 'hybrid'] as const)[i]!, i < 2 ? 1 : 8, [ms], 280));
    expect(interpretMixed(rows, mixedFacts(workload, 8, 2))[1]).toContain('Each hybrid worker interleaved 1 tasks, so waits and CPU overlapped at once');
  });
});
