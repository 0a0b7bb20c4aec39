import type { ExperimentResult, Facts } from '../report/experiment-result.ts';
import { foreignCpuSince } from '../measure/foreign-cpu.ts';
import { foreignCpuNotes } from '../report/foreign-cpu-notes.ts';
import { completeContext, cpuReaderFor, runSettings, type CommonSetting, type CommonSettings, type Experiment, type ExperimentContext, type ExperimentDefaults } from './context.ts';
import { ExperimentKit } from './kit.ts';

/** Settings an experiment states beyond the common ones, e.g. its workload or its sizes. */
export type OwnSettings = ExperimentResult['settings'];

/** What an experiment's analysis makes of its figures: everything of the result but what the kit fills in. */
export type Analysis<Row extends object, F extends Facts, S extends OwnSettings = OwnSettings> = Pick<ExperimentResult<Row, F>, 'tables' | 'rows' | 'facts' | 'notes' | 'speedupCharts' | 'lineCharts'> & {
  /** Settings beyond the common ones (repeats, warm-ups, threads, seed, quick, steps), e.g. the workload. */
  readonly settings?: S;
};

/** An experiment in two halves: `measure` runs things through the kit; `analyse` turns the figures into tables, facts and sentences. */
export interface ExperimentDefinition<Figures, Row extends object, F extends Facts, S extends OwnSettings = OwnSettings> {
  /** One line: the question this experiment answers. */
  readonly question: string;
  /** One or two sentences for `list`: what it runs, and against what. */
  readonly about?: string;
  /** Timed repeats, full and under `--quick`; default 7 and 3 (on a shared machine one slow round in five can move a median of five). */
  readonly defaults?: ExperimentDefaults;
  /** Draw terminal timelines of its runs unless `--no-timeline`. */
  readonly timelineByDefault?: boolean;
  /**
   * The settings that must match before two of its results compare: what sets the work (sizes,
   * quick, seed). Leave out what the lab derives from the machine's cores (thread and task counts,
   * sweeps) and figures measured in the run, so that a 2-core and a 16-core run still compare. A
   * key that is neither a common setting nor one of its own settings does not compile. Left out
   * (`try`, `run --workload`), every setting but the thread, core and repeat counts must match.
   */
  readonly comparable?: readonly (CommonSetting | (keyof S & string))[];
  /** The common settings its result states (default all); leave out those that do not bear on it, e.g. the seed where nothing is drawn at random. */
  readonly commonSettings?: readonly CommonSetting[];
  /** For `--explain` and `--html`: what to run once and replay step by step. */
  readonly explain?: Experiment['explain'];
  measure(kit: ExperimentKit): Promise<Figures>;
  /** Pure: computed from the figures alone, so tests can feed it figures by hand. */
  analyse(figures: Figures, context: ExperimentContext): Analysis<Row, F, S>;
}

/** An experiment the lab can run and a test can analyse: the kit fills in name, question, machine, common settings and drawable runs. */
export type DefinedExperiment<Figures, Row extends object, F extends Facts, S extends OwnSettings = OwnSettings> = Experiment<Row, F> & Pick<ExperimentDefinition<Figures, Row, F, S>, 'measure' | 'analyse'>;

/** Repeats of an experiment that does not say: 7, and 3 under `--quick`. */
export const DEFAULT_REPEATS = { repeats: 7, quickRepeats: 3 } as const;

/**
 * Declares an experiment by its name (its key in `list`, its npm script `exp:<name>` and its results
 * folder): its `measure` runs through an `ExperimentKit` (which owns the pools and keeps the drawable
 * runs), its `analyse` turns the figures into tables, typed rows and facts, and sentences.
 */
export function defineExperiment<Figures, Row extends object, F extends Facts, S extends OwnSettings = OwnSettings>(
  name: string,
  definition: ExperimentDefinition<Figures, Row, F, S>,
): DefinedExperiment<Figures, Row, F, S> {
  const { question, about, defaults = DEFAULT_REPEATS, comparable, timelineByDefault, commonSettings, explain, measure, analyse } = definition;
  return {
    name,
    question,
    ...(about !== undefined && { about }),
    defaults,
    ...(comparable !== undefined && { comparable }),
    ...(timelineByDefault !== undefined && { timelineByDefault }),
    ...(explain !== undefined && { explain }),
    measure,
    analyse,
    async run(context: ExperimentContext): Promise<ExperimentResult<Row, F>> {
      const kit = new ExperimentKit(completeContext(context, defaults));
      let figures: Figures;
      // Over the whole measurement, pools' start included: the lab's own tree is taken out, so what
      // remains is other programs', whenever the lab was running.
      const foreignSince = foreignCpuSince(cpuReaderFor(context));
      let foreignCpuCores: number | null;
      try {
        figures = await measure(kit);
      } finally {
        foreignCpuCores = foreignSince();
        await kit.close();
      }
      const { settings, speedupCharts, lineCharts, notes, ...analysis } = analyse(figures, context);
      const foreign = foreignCpuNotes({ cores: foreignCpuCores, usable: context.machine.availableParallelism, ...(context.redis !== undefined && { externalRedis: context.redis.url }) });
      return {
        experiment: name,
        question,
        machine: context.machine,
        settings: { ...common(runSettings(context), commonSettings), ...settings },
        foreignCpuCores,
        ...analysis,
        notes: [...foreign.first, ...notes, ...foreign.last],
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
