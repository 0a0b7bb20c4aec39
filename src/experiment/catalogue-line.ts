import type { Experiment } from './context.ts';

/**
 * What the lab knows of an experiment before loading it: enough for `--help`, `list` and a misspelt
 * name. Loading an experiment loads its workload, analysis, modes and statistics, which would
 * make each of those answers several times slower; `load` brings it in when it runs.
 */
export interface CatalogueLine {
  readonly name: string;
  /** One line: the question it answers (the experiment's own `question`). */
  readonly question: string;
  /** What it runs, and against what (the experiment's own `about`). */
  readonly about?: string;
  /** It has a step-by-step replay (`--explain`, `--html`): the experiment's `explain` is set. */
  readonly explainable?: true;
  load(): Promise<Experiment>;
}

/** The catalogue lines of experiments already loaded (tests, and callers that hold the definitions). */
export function linesOf(experiments: readonly Experiment[]): CatalogueLine[] {
  return experiments.map((experiment) => ({
    name: experiment.name,
    question: experiment.question,
    ...(experiment.about !== undefined && { about: experiment.about }),
    ...(experiment.explain !== undefined && { explainable: true as const }),
    load: () => Promise.resolve(experiment),
  }));
}
