import { expect } from 'vitest';
import type { Experiment } from '../../src/experiment/context.ts';
import type { ExperimentResult, Facts } from '../../src/report/experiment-result.ts';
import { tinyContext } from './context.ts';

/** Runs the experiment in its tiny configuration and checks that it measured these modes, in order, all doing the same work (checksums). */
export async function runTinyIn<R extends { readonly mode: string; readonly checksumOk: boolean }, F extends Facts>(experiment: Experiment<R, F>, modes: readonly string[]): Promise<ExperimentResult<R, F>> {
  return expectTinyIn(await experiment.run(tinyContext()), modes);
}

/** Checks that a result (of a tiny run made once for several tests) measured these modes, in order, all doing the same work (checksums). */
export function expectTinyIn<R extends { readonly mode: string; readonly checksumOk: boolean }, F extends Facts>(result: ExperimentResult<R, F>, modes: readonly string[]): ExperimentResult<R, F> {
  expect(result.rows.map((r) => r.mode)).toEqual(modes);
  for (const row of result.rows) expect(row.checksumOk).toBe(true);
  return result;
}
