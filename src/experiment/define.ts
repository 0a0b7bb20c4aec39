import type { ExperimentResult, Facts } from '../report/experiment-result.ts';
import { runSettings, type CommonSetting, type CommonSettings, type Experiment, type ExperimentContext } from './context.ts';
import { ExperimentKit } from './kit.ts';

/** What an experiment's analysis makes of its figures: everything of the result but what the kit fills in. */
export type Analysis<Row extends object, F extends Facts> = Pick<ExperimentResult<Row, F>, 'tables' | 'rows' | 'facts' | 'notes' | 'speedupCharts' | 'lineCharts'> & {
  /** Settings beyond the common ones (repeats, warm-ups, threads, seed, quick, steps), e.g. the workload. */
  readonly settings?: ExperimentResult['settings'];
};

/** An experiment in two halves: `measure` runs things through the kit; `analyse` turns the figures into tables, facts and sentences. */
export interface ExperimentDefinition<Figures, Row extends object, F extends Facts> {
  /** One line: the question this experiment answers. */
  readonly question: string;
  /** One or two sentences for `list`: what it runs, and against what. */
  readonly about?: string;
  /** Timed repeats, full and under `--quick`; default 7 and 3 (on a shared machine one slow round in five can move a median of five). */
  readonly defaults?: { readonly repeats: number; readonly quickRepeats: number };
  /** Draw terminal timelines of its runs unless `--no-timeline`. */
  readonly timelineByDefault?: boolean;
  /** The common settings its result states (default all); leave out those that do not bear on it, e.g. the seed where nothing is drawn at random. */
  readonly commonSettings?: readonly CommonSetting[];
  /** For `--explain` and `--html`: what to run once and replay step by step. */
  readonly explain?: Experiment['explain'];
  measure(kit: ExperimentKit): Promise<Figures>;
  /** Pure: computed from the figures alone, so tests can feed it figures by hand. */
  analyse(figures: Figures, context: ExperimentContext): Analysis<Row, F>;
}

/** An experiment the lab can run and a test can analyse: the kit fills in name, question, machine, common settings and drawable runs. */
export type DefinedExperiment<Figures, Row extends object, F extends Facts> = Experiment<Row, F> & Pick<ExperimentDefinition<Figures, Row, F>, 'measure' | 'analyse'>;

/** Repeats of an experiment that does not say: 7, and 3 under `--quick`. */
export const DEFAULT_REPEATS = { repeats: 7, quickRepeats: 3 } as const;

/**
 * Declares an experiment by its name (its key in `list`, its npm script `exp:<name>` and its results
 * folder): its `measure` runs through an `ExperimentKit` (which owns the pools and keeps the drawable
 * runs), its `analyse` turns the figures into tables, typed rows and facts, and sentences.
 */
export function defineExperiment<Figures, Row extends object, F extends Facts>(name: string, definition: ExperimentDefinition<Figures, Row, F>): DefinedExperiment<Figures, Row, F> {
  const { question, about, defaults = DEFAULT_REPEATS, timelineByDefault, commonSettings, explain, measure, analyse } = definition;
  return {
    name,
    question,
    ...(about !== undefined && { about }),
    defaults,
    ...(timelineByDefault !== undefined && { timelineByDefault }),
    ...(explain !== undefined && { explain }),
    measure,
    analyse,
    async run(context: ExperimentContext): Promise<ExperimentResult<Row, F>> {
      const kit = new ExperimentKit(context);
      let figures: Figures;
      try {
        figures = await measure(kit);
      } finally {
        await kit.close();
      }
      const { settings, speedupCharts, lineCharts, ...analysis } = analyse(figures, context);
      return {
        experiment: name,
        question,
        machine: context.machine,
        settings: { ...common(runSettings(context), commonSettings), ...settings },
        ...analysis,
        ...(kit.runs.length > 0 && { runs: kit.runs }),
        ...(speedupCharts !== undefined && { speedupCharts }),
        ...(lineCharts !== undefined && { lineCharts }),
      };
    },
  };
}

/** The common settings an experiment states: all of them, or the ones it names. */
function common(all: CommonSettings, names: readonly CommonSetting[] | undefined): Partial<CommonSettings> {
  return names === undefined ? all : Object.fromEntries(names.map((n) => [n, all[n]]));
}
