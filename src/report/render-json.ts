import type { ExperimentResult } from './experiment-result.ts';

/** The `--json` document: `{ experiment, question, machine, settings, foreignCpuCores, ...facts, rows, notes }`. */
export function renderJson(result: ExperimentResult): string {
  const { experiment, question, machine, settings, foreignCpuCores, facts, rows, notes } = result;
  return `${JSON.stringify({ experiment, question, machine, settings, ...(foreignCpuCores !== undefined && { foreignCpuCores }), ...facts, rows, notes }, null, 2)}\n`;
}
