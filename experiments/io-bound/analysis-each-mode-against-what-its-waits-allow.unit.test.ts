import { describe, expect, it } from 'vitest';
import { analyseIoBound, interpretIoBound, ioFacts, referenceRows } from './analysis.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import { comparedRow, sevenRounds } from '../../test/helpers/analysis-mode-rows.ts';
import { resultTable } from '../../test/helpers/result-table.ts';

/** Four tasks waiting 40, 30, 20 and 10 ms in all, each in two halves around a little CPU work. */
const workload: WorkloadSpec = {
  name: 'waits',
  description: '4 tasks that wait',
  tasks: [40, 30, 20, 10].map((ms, i) => ({ name: `t${i + 1}`, parts: [{ kind: 'wait', ms: ms / 2 }, { kind: 'cpu', units: 5 }, { kind: 'wait', ms: ms / 2 }] })),
};

// Each mode 1.2x, 1.1x and 1.3x its reference (100, 40 and 50 ms), so that no two references can be swapped unseen.
const rows = [comparedRow('waits', 'sequential', 1, sevenRounds(120), 120), comparedRow('waits', 'interleaved', 1, sevenRounds(44), 120), comparedRow('waits', 'parallel', 2, sevenRounds(65), 120)];

describe('io-bound: each mode against what its waits allow', () => {
  it('needs as many threads as it takes for a perfect pool to finish within the longest task', () => {
    // 2 threads: 40+10 | 30+20 = 50 ms > 40; 3 threads: 40 | 30 | 20+10 = 40 ms, no longer than the longest task.
    expect(ioFacts(workload, 2)).toEqual({ waitsMs: [40, 30, 20, 10], sumOfWaitsMs: 100, longestTaskWaitMs: 40, longestTask: 't1', perfectPoolMs: 50, threads: 2, threadsToMatchInterleaving: 3 });
    expect(ioFacts({ ...workload, tasks: workload.tasks.slice(0, 1) }, 1).threadsToMatchInterleaving).toBe(1);
  });

  it('reads each median against its own reference', () => {
    expect(referenceRows(rows, ioFacts(workload, 2))).toEqual([
      { mode: 'sequential', reference: 'sum of all waits', referenceMs: 100, measuredMs: 120, ratio: 1.2 },
      { mode: 'interleaved', reference: "longest task's waits", referenceMs: 40, measuredMs: 44, ratio: 1.1 },
      { mode: 'parallel', reference: 'perfect 2-thread pool', referenceMs: 50, measuredMs: 65, ratio: 1.3 },
    ]);
  });

  it('tabulates the references, carries them on the rows and states them as facts', () => {
    const analysis = analyseIoBound({ workload, rows, measurements: [], untraced: [] }, { threads: 2 } as ExperimentContext);
    expect(analysis.settings).toEqual({ workload: '4 tasks that wait' });
    expect(analysis.tables[0]!.title).toBe('io-bound: 4 tasks that wait');
    expect(analysis.tables[1]).toEqual(resultTable('each mode against what its waits allow', `
      mode | reference | reference ms | median ms | median / reference
      sequential | sum of all waits | 100 | 120 | 1.20x
      interleaved | longest task's waits | 40.0 | 44.0 | 1.10x
      parallel | perfect 2-thread pool | 50.0 | 65.0 | 1.30x
    `, ['left', 'left', 'right', 'right', 'right']));
    expect(analysis.rows.map((r) => [r.mode, r.medianMs, r.reference, r.referenceMs])).toEqual([
      ['sequential', 120, 'sum of all waits', 100],
      ['interleaved', 44, "longest task's waits", 40],
      ['parallel', 65, 'perfect 2-thread pool', 50],
    ]);
    expect(analysis.facts).toEqual({ sumOfWaitsMs: 100, longestTaskWaitMs: 40, perfectPoolMs: 50, threadsToMatchInterleaving: 3 });
    expect(analysis.notes).toEqual([
      "sequential took 1.20x [1.18-1.22] the sum of all waits (100 ms): each wait holds the only thread. interleaved took 1.10x [1.08-1.12] the longest single task's waits (40.0 ms): " +
        'all 4 tasks waited at once on one thread, 2.73x faster than sequential (p = 0.016).',
      'parallel took 65.0 ms, 1.30x [1.27-1.33] the 50.0 ms of a perfect 2-thread pool, 1.85x faster than sequential (p = 0.016): a worker holding one task overlaps nothing, so waits overlap only 2 at a time, ' +
        'whatever the core count. A pool would need 3 threads to match interleaving on these waits; here 2 worker threads (65.0 ms) against one interleaving thread (44.0 ms): 1.48x slower (p = 0.016).',
    ]);
  });

  it('without kept rounds says so instead of an interval, and claims by the medians alone', () => {
    const bare = rows.map(({ samples: _, ...r }) => r);
    const notes = interpretIoBound(bare, { sumOfWaitsMs: 100, longestTaskWaitMs: 40, perfectPoolMs: 50, threads: 2, threadsToMatchInterleaving: 3 }, 4);
    expect(notes).toEqual([
      'sequential took 1.20x (no repeats kept: no interval, too few repeats for a verdict) the sum of all waits (100 ms): each wait holds the only thread. ' +
        "interleaved took 1.10x (no repeats kept: no interval, too few repeats for a verdict) the longest single task's waits (40.0 ms): all 4 tasks waited at once on one thread, 2.73x faster than sequential.",
      'parallel took 65.0 ms, 1.30x (no repeats kept: no interval, too few repeats for a verdict) the 50.0 ms of a perfect 2-thread pool, 1.85x faster than sequential: a worker holding one task overlaps nothing, ' +
        'so waits overlap only 2 at a time, whatever the core count. A pool would need 3 threads to match interleaving on these waits; here 2 worker threads (65.0 ms) against one interleaving thread (44.0 ms): 1.48x slower.',
    ]);
    expect(interpretIoBound([bare[0]!, { ...bare[1]!, checksumOk: false }, bare[2]!], { sumOfWaitsMs: 100, longestTaskWaitMs: 40, perfectPoolMs: 50, threads: 2, threadsToMatchInterleaving: 3 }, 4)[0]).toBe(
      'CHECKSUMS DIFFER in waits/interleaved: these rows did different work, and their times mean nothing.',
    );
  });
});
