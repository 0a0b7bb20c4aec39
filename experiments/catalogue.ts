import type { Experiment } from '../src/cli/experiment.ts';
import { headline } from './headline.ts';

/** Every experiment the lab can run, in the order `list` and `--help` show them. */
export const experiments: readonly Experiment[] = [headline];
