import type { Experiment } from '../src/experiment/context.ts';
import { catalogueLines } from './catalogue-lines.ts';

/**
 * Every experiment the lab can run, loaded, in the order `list` and `--help` show them (the lab
 * itself loads only the one it runs, from `catalogue-lines.ts`).
 */
export const experiments: readonly Experiment[] = await Promise.all(catalogueLines.map((line) => line.load()));
