import type { ExperimentResult } from './experiment-result.ts';

/** The `--json` document: `{ experiment, question, machine, settings, rows, facts, notes }`. */
export function renderJson(result: ExperimentResult): string {
  const { experiment, question, machine, settings, rows, facts, notes } = result;
  return `${JSON.stringify({ experiment, question, machine, settings, rows, facts, notes }, null, 2)}\n`;
}
