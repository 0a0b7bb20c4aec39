import { describe, expect, it } from 'vitest';
import { interpretWorkload, workloadExperiment } from '../src/experiment/workload-experiment.ts';
import { cpuBoundWorkload } from '../src/workload/presets.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';
import { handMadeContext } from './helpers/kit-context.ts';
import { handMadeRow } from './helpers/kit-rows.ts';

// A user's workload (`run --workload FILE`) becomes an experiment like any other: a name from the
// workload's, a question naming the modes, and notes that say which mode was fastest, by how much,
// and with what verdict, after any warning that the rows did different work or are impossible.

const userWorkload = (name: string, description?: string): WorkloadSpec => ({
  name,
  ...(description !== undefined && { description }),
  tasks: cpuBoundWorkload({ tasks: 2, unitsPerTask: 4 }).tasks,
});

describe('workloadExperiment: what it declares', () => {
  it('names the experiment after the workload, in lower case with dashes', () => {
    expect(workloadExperiment(userWorkload('My Big Job!'), ['sequential']).name).toBe('workload-my-big-job');
    expect(workloadExperiment(userWorkload('--Fetch & Parse 2--'), ['sequential']).name).toBe('workload-fetch-parse-2');
    expect(workloadExperiment(userWorkload('***'), ['sequential']).name).toBe('workload-unnamed');
  });

  it('asks how it runs in one mode, or in the modes listed', () => {
    expect(workloadExperiment(userWorkload('job'), ['parallel']).question).toBe('How does the workload "job" run in parallel mode?');
    expect(workloadExperiment(userWorkload('job'), ['sequential', 'parallel']).question).toBe('How does the workload "job" run in sequential, parallel?');
  });

  it('runs 7 repeats, 2 under --quick, and states repeats, warm-ups and threads', async () => {
    const experiment = workloadExperiment(userWorkload('job'), ['sequential']);
    expect(experiment.defaults).toEqual({ repeats: 7, quickRepeats: 2 });
    const result = await experiment.run(handMadeContext({ repeats: 1, threads: 3, seed: 5 }));
    expect(result.settings).toStrictEqual({ repeats: 1, warmups: 0, threads: 3, workload: 'job', tasks: 2, modes: 'sequential' });
  });
});

describe('workloadExperiment: its analysis', () => {
  it('measures the workload in the modes given and tables the rows under its name and description', async () => {
    const experiment = workloadExperiment(userWorkload('job', 'two small tasks'), ['sequential', 'interleaved']);
    const result = await experiment.run(handMadeContext({ repeats: 1 }));
    expect(result.experiment).toBe('workload-job');
    expect(result.rows.map((r) => r.mode)).toEqual(['sequential', 'interleaved']);
    expect(result.tables.map((t) => [t.title, t.rows.length])).toEqual([['job: two small tasks', 2]]);
    expect(result.settings.modes).toBe('sequential,interleaved');
    expect(result.facts).toEqual({});
    expect(result.notes.at(-1)).toBe('Every mode reported the same checksum for every task.');
  });

  it('titles the table with the name alone when the workload has no description', () => {
    const experiment = workloadExperiment(userWorkload('job'), ['sequential']);
    const rows = [handMadeRow('sequential', 100, 100)];
    const analysis = experiment.analyse({ workload: userWorkload('job'), rows, measurements: [], untraced: [] }, handMadeContext());
    expect(analysis.tables.map((t) => t.title)).toEqual(['job']);
    expect(analysis.notes).toEqual(['sequential took 100.0 ms (median of 3).']);
  });
});

describe('interpretWorkload', () => {
  it('says nothing without rows', () => {
    expect(interpretWorkload([])).toEqual([]);
  });

  it('one mode: its median time alone, and no checksum comparison', () => {
    expect(interpretWorkload([handMadeRow('parallel', 42.26, 42.26, { threads: 2, repeats: 5 })])).toEqual(['parallel took 42.3 ms (median of 5).']);
  });

  it('names the fastest mode, its speed, threads, efficiency and verdict against the baseline', () => {
    const rows = [
      handMadeRow('sequential', 100, 100),
      handMadeRow('parallel', 50, 100, { threads: 2, verdict: { state: 'faster', n: 9, p: 0.004 } }),
      handMadeRow('interleaved', 101, 100),
    ];
    expect(interpretWorkload(rows)).toEqual([
      'Fastest: parallel, at 2.00x the speed of sequential with 2 threads (efficiency 100%); against sequential: faster (p = 0.004).',
      'Every mode reported the same checksum for every task.',
    ]);
  });

  it('says "thread" for one, and no verdict when the baseline itself was fastest', () => {
    const rows = [handMadeRow('sequential', 90, 90), handMadeRow('interleaved', 95, 90)];
    expect(interpretWorkload(rows)[0]).toBe('Fastest: sequential, at 1.00x the speed of sequential with 1 thread (efficiency 100%).');
  });

  it('puts a checksum warning and impossible rows first, and then claims no common checksum', () => {
    const rows = [
      handMadeRow('sequential', 100, 100),
      handMadeRow('parallel', 40, 100, { threads: 2, checksumOk: false, impossible: 'too fast', verdict: { state: 'same', n: 9, p: 0.2 } }),
    ];
    expect(interpretWorkload(rows)).toEqual([
      'CHECKSUMS DIFFER in w/parallel: these rows did different work, and their times mean nothing.',
      expect.stringMatching(/^IMPOSSIBLE \(✗\): w parallel: too fast\. /),
      'Fastest: parallel, at 2.50x the speed of sequential with 2 threads (efficiency 125%); against sequential: no measurable difference (p = 0.200).',
    ]);
  });
});
