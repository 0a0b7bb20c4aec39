import type { ExperimentResult } from './experiment-result.ts';

/** The `--json` document: `{ experiment, question, machine, settings, ...facts, rows, notes }`. */
export function renderJson(result: ExperimentResult): string {
  const { experiment, question, machine, settings, facts, rows, notes } = result;
  return `${JSON.stringify({ experiment, question, machine, settings, ...facts, rows, notes }, null, 2)}\n`;
}
