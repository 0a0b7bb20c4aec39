import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REPEATS, defineExperiment } from '../src/experiment/define.ts';
import type { ExperimentKit } from '../src/experiment/kit.ts';
import type { LineChartOptions, SpeedupChartOptions } from '../src/draw/index.ts';
import { cpuBoundWorkload } from '../src/workload/presets.ts';
import { handMadeContext, handMadeMachine } from './helpers/kit-context.ts';
import { failingMeasurement } from './helpers/experiments.ts';
import { standInStarts } from './helpers/kit-fake-pools.ts';

// defineExperiment turns a definition (measure through a kit, analyse the figures) into an experiment
// the lab runs: the kit fills in the name, the question, the machine, the common settings and the runs
// to draw, and is closed whatever the measurement did. Measured here with the sequential mode, in process.

afterEach(() => {
  vi.restoreAllMocks();
});

const workload = cpuBoundWorkload({ tasks: 2, unitsPerTask: 4 });
const speedupChart: SpeedupChartOptions = { title: 'speedup', points: [{ threads: 1, speedup: 1 }], cores: 2 };
const lineChart: LineChartOptions = { title: 'line', xLabel: 'x', yLabel: 'y', series: [] };

describe('defineExperiment: what it declares', () => {
  it('keeps the name, question, measure and analyse, with 7 repeats and 3 quick ones unless told', () => {
    const measure = async () => 1;
    const analyse = () => ({ tables: [], rows: [], facts: {}, notes: [] });
    const plain = defineExperiment('plain', { question: 'Q?', measure, analyse });
    expect(plain.name).toBe('plain');
    expect(plain.question).toBe('Q?');
    expect(plain.measure).toBe(measure);
    expect(plain.analyse).toBe(analyse);
    expect(plain.defaults).toEqual({ repeats: 7, quickRepeats: 3 });
    expect(DEFAULT_REPEATS).toEqual({ repeats: 7, quickRepeats: 3 });
    expect(['about', 'comparable', 'timelineByDefault', 'explain'].filter((key) => key in plain)).toEqual([]);
  });

  it('keeps the optional parts only when given, false included', () => {
    const explain = () => [];
    const full = defineExperiment('full', {
      question: 'Q?',
      about: 'What it runs.',
      defaults: { repeats: 5, quickRepeats: 2 },
      comparable: ['threads'],
      timelineByDefault: false,
      explain,
      measure: async () => 1,
      analyse: () => ({ tables: [], rows: [], facts: {}, notes: [] }),
    });
    expect(full.about).toBe('What it runs.');
    expect(full.defaults).toEqual({ repeats: 5, quickRepeats: 2 });
    expect(full.comparable).toEqual(['threads']);
    expect(full.timelineByDefault).toBe(false);
    expect(full.explain).toBe(explain);
  });
});

describe('defineExperiment: running it', () => {
  it('gives measure a kit of the context and analyse its figures; the result carries name, question, machine, settings and runs', async () => {
    const context = handMadeContext({ repeats: 1, threads: 3, seed: 11 });
    const seen: { kitContext?: unknown; figures?: unknown; analyseContext?: unknown } = {};
    const experiment = defineExperiment('probe', {
      question: 'Does the kit fill in the common parts?',
      measure: async (kit: ExperimentKit) => {
        seen.kitContext = kit.context;
        return kit.measure(workload, ['sequential']);
      },
      analyse: (figures, analyseContext) => {
        seen.figures = figures;
        seen.analyseContext = analyseContext;
        return { settings: { workload: 'two tasks' }, tables: [], rows: figures.rows.map((r) => ({ mode: r.mode })), facts: { modes: figures.rows.length }, notes: ['a note'] };
      },
    });
    const result = await experiment.run(context);
    // The kit's context is the given one with every count resolved (processes, workers and the sweep top follow the threads here).
    expect(seen.kitContext).toStrictEqual({ ...context, processes: 3, workers: 3, maxThreads: 3 });
    expect(seen.analyseContext).toBe(context);
    expect((seen.figures as { rows: unknown[] }).rows).toHaveLength(1);
    expect(result.experiment).toBe('probe');
    expect(result.question).toBe('Does the kit fill in the common parts?');
    expect(result.machine).toBe(handMadeMachine);
    expect(result.settings).toStrictEqual({ repeats: 1, warmups: 0, threads: 3, seed: 11, quick: true, steps: true, workload: 'two tasks' });
    expect(result.rows).toEqual([{ mode: 'sequential' }]);
    expect(result.facts).toEqual({ modes: 1 });
    expect(result.notes).toEqual(['a note']);
    expect(result.tables).toEqual([]);
    expect(result.runs!.map((r) => r.name)).toEqual(['cpu-bound / sequential']);
    expect(['speedupCharts', 'lineCharts'].filter((key) => key in result)).toEqual([]);
  });

  it('states only the common settings named, lets the analysis add its own, and passes charts through', async () => {
    const experiment = defineExperiment('named', {
      question: 'Q?',
      commonSettings: ['repeats', 'seed'],
      measure: async () => 'figures',
      analyse: () => ({ settings: { tasks: 4 }, tables: [], rows: [], facts: {}, notes: [], speedupCharts: [speedupChart], lineCharts: [lineChart] }),
    });
    const result = await experiment.run(handMadeContext({ repeats: 9, seed: 4, auto: { deadlineMs: 1 } }));
    expect(result.settings).toStrictEqual({ repeats: 'auto', seed: 4, tasks: 4 });
    expect(result.speedupCharts).toEqual([speedupChart]);
    expect(result.lineCharts).toEqual([lineChart]);
    // Nothing was drawn, so no runs.
    expect('runs' in result).toBe(false);
  });

  it('closes the kit\'s pools when measure fails, and never analyses a failed measurement', async () => {
    const closed: string[] = [];
    standInStarts(closed);
    const failing = failingMeasurement('failing', { question: 'Q?' });
    await expect(failing.experiment.run(handMadeContext({ threads: 2 }))).rejects.toThrow('measurement failed');
    expect(closed).toEqual(['thread pool of 2']);
    expect(failing.analysed()).toBe(0);
  });

  it('closes the kit\'s pools before analysing', async () => {
    const closed: string[] = [];
    standInStarts(closed);
    let closedBeforeAnalysis: string[] = [];
    const experiment = defineExperiment('closing', {
      question: 'Q?',
      measure: async (kit) => {
        await kit.sharedProcessPool();
        return 0;
      },
      analyse: () => {
        closedBeforeAnalysis = [...closed];
        return { tables: [], rows: [], facts: {}, notes: [] };
      },
    });
    await experiment.run(handMadeContext({ threads: 2 }));
    expect(closedBeforeAnalysis).toEqual(['process pool of 2']);
  });
});
