import { describe, expect, it } from 'vitest';
import { defineExperiment } from '../src/experiment/define.ts';
import { measureWorkload } from '../src/experiment/kit.ts';
import { cpuBoundWorkload } from '../src/workload/presets.ts';
import { tinyContext } from './helpers/context.ts';
import { failingMeasurement } from './helpers/experiments.ts';

const workload = cpuBoundWorkload({ tasks: 4, unitsPerTask: 50 });

describe('the experiment kit', () => {
  it('fills in name, question, machine, common settings and the drawable runs; the analysis gets the measured figures', async () => {
    const experiment = defineExperiment('kit-probe', {
      question: 'Does the kit fill in the common parts?',
      defaults: { repeats: 1, quickRepeats: 1 },
      measure: (kit) => kit.measure(workload, ['sequential', 'parallel']),
      analyse: ({ rows }) => ({
        settings: { workload: 'four tasks' },
        tables: [],
        rows: rows.map((r) => ({ mode: r.mode, checksumOk: r.checksumOk })),
        facts: { modes: rows.length },
        notes: [],
      }),
    });
    const context = tinyContext({ threads: 2, seed: 7 });
    const result = await experiment.run(context);
    expect(result.experiment).toBe('kit-probe');
    expect(result.question).toBe('Does the kit fill in the common parts?');
    expect(result.machine).toBe(context.machine);
    expect(result.settings).toMatchObject({ repeats: 1, warmups: 0, threads: 2, seed: 7, quick: true, steps: true, workload: 'four tasks' });
    expect(result.rows).toEqual([
      { mode: 'sequential', checksumOk: true },
      { mode: 'parallel', checksumOk: true },
    ]);
    expect(result.facts.modes).toBe(2);
    expect(result.runs?.map((r) => r.name)).toEqual(['cpu-bound / sequential', 'cpu-bound / parallel']);
  });

  it('draws nothing when steps are off, and never analyses a measurement that failed', async () => {
    const failing = failingMeasurement('kit-failure', { question: 'Is a failed measurement reported as a failure?', defaults: { repeats: 1, quickRepeats: 1 } });
    await expect(failing.experiment.run(tinyContext())).rejects.toThrow('measurement failed');
    expect(failing.analysed()).toBe(0);
    const untraced = defineExperiment('kit-untraced', {
      question: 'Are untraced runs left undrawn?',
      defaults: { repeats: 1, quickRepeats: 1 },
      measure: (kit) => kit.measure(workload, ['sequential', 'interleaved']),
      analyse: ({ rows }) => ({ tables: [], rows, facts: {}, notes: [] }),
    });
    const result = await untraced.run(tinyContext({ steps: false }));
    expect(result.runs).toBeUndefined();
    expect(result.rows.every((r) => r.checksumOk)).toBe(true);
  });

  it('states only the common settings an experiment names, and measures one workload with measureWorkload', async () => {
    const experiment = defineExperiment('kit-settings', {
      question: 'Does the kit leave out the settings that do not bear on an experiment?',
      defaults: { repeats: 1, quickRepeats: 1 },
      commonSettings: ['repeats', 'quick'],
      measure: measureWorkload((context) => cpuBoundWorkload({ tasks: 2 * context.threads, unitsPerTask: 10 }), ['sequential']),
      analyse: ({ workload, rows }) => ({ settings: { tasks: workload.tasks.length }, tables: [], rows, facts: {}, notes: [] }),
    });
    const result = await experiment.run(tinyContext({ threads: 2 }));
    expect(result.settings).toEqual({ repeats: 1, quick: true, tasks: 4 });
    expect(result.rows.map((r) => r.mode)).toEqual(['sequential']);
  });
});
