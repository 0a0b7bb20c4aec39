import type { Progress } from '../measure/alternate.ts';
import type { ExperimentResult } from '../report/experiment-result.ts';

/** The resolved settings an experiment runs with. */
export interface ExperimentContext {
  readonly quick: boolean;
  readonly repeats: number;
  readonly warmups: number;
  readonly threads: number;
  readonly seed: number;
  readonly timeoutMs?: number;
  readonly onProgress: (progress: Progress) => void;
}

/** One question the lab answers: a workload, the modes to run it in, what to report. */
export interface Experiment {
  readonly name: string;
  /** One line: the question this experiment answers. */
  readonly question: string;
  readonly defaults: { readonly repeats: number; readonly quickRepeats: number };
  run(context: ExperimentContext): Promise<ExperimentResult>;
}
