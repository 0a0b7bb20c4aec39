import type { ModeComparison } from '../measure/compare-modes.ts';
import type { ModeName } from '../modes/index.ts';
import { checksumWarning } from '../report/checksum-warning.ts';
import { formatPercent, formatRatio } from '../report/format.ts';
import { impossibleNotes } from '../report/impossible-notes.ts';
import { verdictPhrase } from '../report/interval-text.ts';
import { modeTable } from '../report/mode-table.ts';
import type { WorkloadSpec } from '../workload/spec.ts';
import { defineExperiment, type DefinedExperiment } from './define.ts';
import { measureWorkload, type OneWorkload } from './kit.ts';

/** A user's workload (`run --workload FILE`), run in the chosen modes like any experiment: tables, notes, saved results. */
export function workloadExperiment(workload: WorkloadSpec, modes: readonly ModeName[]): DefinedExperiment<OneWorkload, ModeComparison, Record<string, never>> {
  return defineExperiment(`workload-${workload.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unnamed'}`, {
    question: `How does the workload "${workload.name}" run ${modes.length === 1 ? `in ${modes[0]} mode` : `in ${modes.join(', ')}`}?`,
    defaults: { repeats: 7, quickRepeats: 2 },
    commonSettings: ['repeats', 'warmups', 'threads'],
    measure: measureWorkload(() => workload, modes),
    analyse: ({ rows }) => ({
      settings: { workload: workload.name, tasks: workload.tasks.length, modes: modes.join(',') },
      tables: [modeTable(`${workload.name}${workload.description ? `: ${workload.description}` : ''}`, rows)],
      rows,
      facts: {},
      notes: interpretWorkload(rows),
    }),
  });
}

/** Which mode was fastest and by how much, and whether every mode did the same work. */
export function interpretWorkload(rows: readonly ModeComparison[]): string[] {
  const mismatched = rows.filter((r) => !r.checksumOk);
  const fastest = [...rows].sort((a, b) => a.medianMs - b.medianMs)[0];
  if (fastest === undefined) return [];
  const notes = [
    rows.length === 1
      ? `${fastest.mode} took ${fastest.medianMs.toFixed(1)} ms (median of ${fastest.repeats}).`
      : `Fastest: ${fastest.mode}, at ${formatRatio(fastest.speedup)} the speed of ${fastest.baseline} ` +
        `with ${fastest.threads} thread${fastest.threads === 1 ? '' : 's'} (efficiency ${formatPercent(fastest.efficiency)})` +
        (fastest.mode === fastest.baseline ? '.' : `; against ${fastest.baseline}: ${verdictPhrase(fastest.verdict)}.`),
  ];
  if (mismatched.length === 0 && rows.length > 1) notes.push(`Every mode reported the same checksum for every task.`);
  return [...checksumWarning(rows), ...impossibleNotes(rows), ...notes];
}
