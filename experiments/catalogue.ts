import type { Experiment } from '../src/cli/experiment.ts';
import { headline } from './headline.ts';
import { scheduler_overhead } from './scheduler-overhead.ts';

/** Every experiment the lab can run, in the order `list` and `--help` show them. */
export const experiments: readonly Experiment[] = [headline, scheduler_overhead];
