import type { Analysis } from '../../src/experiment/define.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import { comparedWithRow, fasterOrSlower, verdictBetween } from '../../src/experiment/compared-with.ts';
import { rowOf } from '../../src/experiment/mode-rows.ts';
import { medianOverReference } from '../../src/experiment/ratio-with-verdict.ts';
import { waitFigures, type WaitReferences } from '../../src/experiment/wait-figures.ts';
import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import { formatCount, formatMs, formatPercent, formatRatio } from '../../src/report/format.ts';
import { checksumWarning } from '../../src/report/checksum-warning.ts';
import { baselineVsWorker, cpuCostNote, cpuPerUnitUs } from '../../src/report/cpu-cost.ts';
import { impossibleNotes } from '../../src/report/impossible-notes.ts';
import { modeTable } from '../../src/report/mode-table.ts';
import { workloadCpuUnits } from '../../src/workload/cpu-bound.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import type { NamedFacts } from '../../src/report/experiment-result.ts';

/** Tasks in each workload: the cpu-bound ideal is min(threads, cores, tasks). */
export const HEADLINE_TASKS = 8;

/** Sentences about the measured rows; every figure in them comes from the rows or the facts. */
export function interpretHeadline(cpu: readonly ModeComparison[], wait: readonly ModeComparison[], facts: Omit<WaitReferences, 'threads'>, cores: number): string[] {
  const row = rowOf;
  const cpuInterleaved = row(cpu, 'interleaved');
  const cpuParallel = row(cpu, 'parallel');
  const ideal = Math.min(cpuParallel.threads, cores, HEADLINE_TASKS);
  const waitSequential = row(wait, 'sequential');
  const waitInterleaved = row(wait, 'interleaved');
  const waitParallel = row(wait, 'parallel');
  const waitsOf = (r: ModeComparison): number[] => r.samples.map((x) => x.wallMs);
  const notes = [
    `cpu-bound, interleaved against sequential: ${against(cpuInterleaved, row(cpu, 'sequential'))}; ` +
      `switching tasks on one thread overlaps no CPU work. Parallel on ${formatCount(cpuParallel.threads, 'worker thread')} was ` +
      `${comparedWithRow(cpuParallel, row(cpu, 'sequential'))}, ${formatPercent(cpuParallel.speedup / ideal)} of the ideal ${formatRatio(ideal)} ` +
      `for ${formatCount(cpuParallel.threads, 'thread')} on ${formatCount(cores, 'core')} (speedup interval ${speedupInterval(cpuParallel)}).`,
    `wait-bound: sequential took ${medianOverReference(waitsOf(waitSequential), waitSequential.medianMs, facts.sumOfWaitsMs)} the sum of all waits (${formatMs(facts.sumOfWaitsMs)} ms); ` +
      `interleaved took ${medianOverReference(waitsOf(waitInterleaved), waitInterleaved.medianMs, facts.longestTaskWaitMs)} the longest single task's waits ` +
      `(${formatMs(facts.longestTaskWaitMs)} ms), because a waiting task parks and the others run on the same thread.`,
    `wait-bound: parallel took ${formatMs(waitParallel.medianMs)} ms against ${formatMs(facts.perfectPoolMs)} ms for a perfect ` +
      `${waitParallel.threads}-thread pool (${medianOverReference(waitsOf(waitParallel), waitParallel.medianMs, facts.perfectPoolMs)}): a worker holding one task overlaps only as many waits as there are threads, ` +
      `so for waiting, interleaving ran at ${formatRatio(waitInterleaved.speedup)} the sequential speed and parallel at ${formatRatio(waitParallel.speedup)}; ` +
      `interleaving against parallel: ${against(waitInterleaved, waitParallel)}.`,
  ];
  return [...checksumWarning([...cpu, ...wait]), ...impossibleNotes([...cpu, ...wait], baselineVsWorker(cpu)), ...notes];
}

/** `row` against `other` by their paired verdict: "1.02x slower (p = 0.031)", "as fast: no measurable difference (1.00x, p = 0.688)". */
function against(row: ModeComparison, other: ModeComparison): string {
  return fasterOrSlower(other.medianMs / row.medianMs, verdictBetween(row, other));
}

/** "[1.85-1.93]", the speedup's paired interval, or "unknown (one repeat)". */
function speedupInterval(r: ModeComparison): string {
  return r.repeats < 2 ? 'unknown (one repeat)' : `[${r.speedupLow.toFixed(2)}-${r.speedupHigh.toFixed(2)}]`;
}

/** What `measure` hands to `analyse`: both workloads and their compared rows. */
export interface HeadlineMeasured {
  readonly cpu: WorkloadSpec;
  readonly wait: WorkloadSpec;
  readonly cpuRows: readonly ModeComparison[];
  readonly waitRows: readonly ModeComparison[];
}

export type HeadlineRow = ModeComparison & { readonly cpuPerUnitUs?: number };

export type HeadlineFacts = NamedFacts<'baselineVsWorkerPerUnit' | 'waitBoundSumOfWaitsMs' | 'waitBoundLongestTaskWaitMs' | 'waitBoundPerfectPoolMs'>;

/** The settings its result states beyond the common ones. */
export type HeadlineSettings = { 'cpu-bound': string; 'wait-bound': string };

/** Tables, facts and sentences, from both workloads' compared rows. */
export function analyseHeadline({ cpu, wait, cpuRows, waitRows }: HeadlineMeasured, context: ExperimentContext): Analysis<HeadlineRow, HeadlineFacts, HeadlineSettings> {
  const cpuUnits = workloadCpuUnits(cpu);
  const facts = waitFigures(wait, context.threads);
  return {
    settings: { 'cpu-bound': cpu.description!, 'wait-bound': wait.description! },
    tables: [modeTable(`cpu-bound: ${cpu.description}`, cpuRows), modeTable(`wait-bound: ${wait.description}`, waitRows)],
    rows: [...cpuRows.map((r) => ({ ...r, cpuPerUnitUs: cpuPerUnitUs(r.cpuMs, cpuUnits) })), ...waitRows],
    facts: {
      baselineVsWorkerPerUnit: baselineVsWorker(cpuRows),
      waitBoundSumOfWaitsMs: facts.sumOfWaitsMs,
      waitBoundLongestTaskWaitMs: facts.longestTaskWaitMs,
      waitBoundPerfectPoolMs: facts.perfectPoolMs,
    },
    notes: [...interpretHeadline(cpuRows, waitRows, facts, context.machine.availableParallelism), ...cpuCostNote(cpuRows)],
  };
}
