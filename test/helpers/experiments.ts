import { expect } from 'vitest';
import type { Experiment } from '../../src/experiment/context.ts';
import { defineExperiment, type ExperimentDefinition } from '../../src/experiment/define.ts';
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

/** An experiment whose measurement starts the shared thread pool and then throws "measurement failed"; `analysed()` counts how often it was analysed. */
export function failingMeasurement(name: string, definition: Pick<ExperimentDefinition<never, object, Facts>, 'question' | 'defaults'>): { readonly experiment: Experiment<object, Facts>; readonly analysed: () => number } {
  let analysed = 0;
  const experiment = defineExperiment<never, object, Facts>(name, {
    ...definition,
    measure: async (kit) => {
      await kit.sharedPool();
      throw new Error('measurement failed');
    },
    analyse: () => {
      analysed++;
      return { tables: [], rows: [], facts: {}, notes: [] };
    },
  });
  return { experiment, analysed: () => analysed };
}
