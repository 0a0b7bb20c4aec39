import { compareModes, type ModeComparison } from '../../measure/compare-modes.ts';
import { judgeFor } from '../../measure/impossible-figures.ts';
import { measureModes } from '../../measure/measure-modes.ts';
import { LabPool, modeOf, ProcessPool, needThreadPool, type ModeName } from '../../modes/index.ts';
import type { ExperimentResult } from '../../report/experiment-result.ts';
import { formatPercent, formatRatio } from '../../report/format.ts';
import { checksumWarning } from '../../report/checksum-warning.ts';
import { drawableRuns } from '../../report/drawable-runs.ts';
import { verdictPhrase } from '../../report/interval-text.ts';
import { impossibleNotes } from '../../report/impossible-notes.ts';
import { modeTable } from '../../report/mode-table.ts';
import type { WorkloadSpec } from '../../workload/spec.ts';
import { runOptionsFor, type Experiment, type ExperimentContext } from '../../experiment/context.ts';

/** A user's workload, run in the chosen modes like any experiment: tables, notes, saved results. */
export function workloadExperiment(workload: WorkloadSpec, modes: readonly ModeName[]): Experiment {
  const name = `workload-${workload.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unnamed'}`;
  const question = `How does the workload "${workload.name}" run ${modes.length === 1 ? `in ${modes[0]} mode` : `in ${modes.join(', ')}`}?`;
  const run = async (context: ExperimentContext): Promise<ExperimentResult> => {
    const pool = needThreadPool(modes) ? await LabPool.start({ threads: context.threads }) : undefined;
    let processPool: ProcessPool | undefined;
    try {
      if (modes.some((m) => modeOf(m).needs === 'child-processes')) processPool = await ProcessPool.start({ processes: context.processes ?? context.threads });
      const measurements = await measureModes(workload, modes, {
        repeats: context.repeats,
        warmups: context.warmups,
        runOptions: runOptionsFor(context, pool, processPool),
        onProgress: context.onProgress,
        ...(context.auto !== undefined && { auto: context.auto }),
      });
      const rows = compareModes(measurements, judgeFor(workload, context.machine.availableParallelism));
      return {
        experiment: name,
        question,
        machine: context.machine,
        settings: { workload: workload.name, tasks: workload.tasks.length, modes: modes.join(','), repeats: context.repeats, warmups: context.warmups, threads: context.threads },
        tables: [modeTable(`${workload.name}${workload.description ? `: ${workload.description}` : ''}`, rows)],
        rows,
        facts: {},
        notes: interpretWorkload(rows),
        runs: drawableRuns(measurements),
      };
    } finally {
      await Promise.all([pool?.close(), processPool?.close()]);
    }
  };
  return { name, question, defaults: { repeats: 7, quickRepeats: 2 }, run };
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
