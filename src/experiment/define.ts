import type { ExperimentResult, Facts, ResultTable } from '../report/experiment-result.ts';
import type { LogLogChartOptions, SpeedupChartOptions } from '../trace/index.ts';
import { runSettings, type Experiment, type ExperimentContext } from './context.ts';
import { ExperimentKit } from './kit.ts';

/** What an experiment's analysis makes of its figures: everything of the result but what the kit fills in. */
export interface Analysis<Row extends object, F extends Facts> {
  /** Settings beyond the common ones (repeats, warm-ups, threads, seed, quick, steps), e.g. the workload. */
  readonly settings?: Readonly<Record<string, string | number | boolean>>;
  readonly tables: readonly ResultTable[];
  readonly rows: readonly Row[];
  readonly facts: F;
  readonly notes: readonly string[];
  readonly speedupCharts?: readonly SpeedupChartOptions[];
  readonly logLogCharts?: readonly LogLogChartOptions[];
}

/** An experiment in two halves: `measure` runs things through the kit; `analyse` turns the figures into tables, facts and sentences. */
export interface ExperimentDefinition<Figures, Row extends object, F extends Facts> {
  readonly name: string;
  /** One line: the question this experiment answers. */
  readonly question: string;
  readonly defaults: { readonly repeats: number; readonly quickRepeats: number };
  /** Draw terminal timelines of its runs unless `--no-timeline`. */
  readonly timelineByDefault?: boolean;
  /** For `--explain` and `--html`: what to run once and replay step by step. */
  readonly explain?: Experiment['explain'];
  measure(kit: ExperimentKit): Promise<Figures>;
  /** Pure: computed from the figures alone, so tests can feed it figures by hand. */
  analyse(figures: Figures, context: ExperimentContext): Analysis<Row, F>;
}

/** An experiment the lab can run and a test can analyse: the kit fills in name, question, machine, common settings and drawable runs. */
export type DefinedExperiment<Figures, Row extends object, F extends Facts> = Experiment<Row, F> & Pick<ExperimentDefinition<Figures, Row, F>, 'measure' | 'analyse'>;

export function defineExperiment<Figures, Row extends object, F extends Facts>(definition: ExperimentDefinition<Figures, Row, F>): DefinedExperiment<Figures, Row, F> {
  const { name, question, defaults, timelineByDefault, explain, measure, analyse } = definition;
  return {
    name,
    question,
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
      const { settings, speedupCharts, logLogCharts, ...analysis } = analyse(figures, context);
      return {
        experiment: name,
        question,
        machine: context.machine,
        settings: { ...runSettings(context), ...settings },
        ...analysis,
        ...(kit.runs.length > 0 && { runs: kit.runs }),
        ...(speedupCharts !== undefined && { speedupCharts }),
        ...(logLogCharts !== undefined && { logLogCharts }),
      };
    },
  };
}
