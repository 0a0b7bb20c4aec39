import type { Analysis } from '../../src/experiment/define.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import type { OneWorkload } from '../../src/experiment/kit.ts';
import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import type { ModeName } from '../../src/modes/index.ts';
import { formatCount, formatMs, formatPercent, formatRatio } from '../../src/report/format.ts';
import { baselineVsWorker, cpuCostNote, cpuPerUnitUs } from '../../src/report/cpu-cost.ts';
import { impossibleNotes } from '../../src/report/impossible-notes.ts';
import { modeTable } from '../../src/report/mode-table.ts';
import { workloadCpuUnits } from '../../src/workload/cpu-bound.ts';
import { comparedWithRow, fasterOrSlower, verdictBetween } from '../../src/experiment/compared-with.ts';
import { idealCpuSpeedup } from '../../src/experiment/dispatch-fit.ts';
import { rowOf, type ModeFigures } from '../../src/experiment/mode-rows.ts';
import { taskSwitches } from '../../src/experiment/task-switches.ts';
import { checksumWarning } from '../../src/report/checksum-warning.ts';
import type { NamedFacts } from '../../src/report/experiment-result.ts';

/** `piscina`, a plain pool running the same kernel work, is the reference for what the lab's traced `parallel` path costs. */
export const CPU_BOUND_MODES: readonly ModeName[] = ['sequential', 'interleaved', 'parallel', 'piscina'];

/** What the interpretation reads: the compared modes, and how often each one-thread mode switched tasks. */
export interface CpuBoundFigures {
  readonly rows: readonly ModeFigures[];
  readonly cores: number;
  readonly tasks: number;
  /** Task switches in the last run of each one-thread mode. */
  readonly switches: { readonly sequential: number; readonly interleaved: number };
}

/** Sentences computed from the figures: what interleaving cost, what threads bought, against the ideal. */
export function interpretCpuBound({ rows, cores, tasks, switches }: CpuBoundFigures): string[] {
  const sequential = rowOf(rows, 'sequential');
  const interleaved = rowOf(rows, 'interleaved');
  const parallel = rowOf(rows, 'parallel');
  const extraMs = interleaved.medianMs - sequential.medianMs;
  const extraSwitches = switches.interleaved - switches.sequential;
  const cost =
    extraMs >= 0
      ? `+${formatMs(extraMs)} ms (+${formatPercent(extraMs / sequential.medianMs)}) by the medians, at most ${((extraMs * 1000) / Math.max(1, extraSwitches)).toFixed(2)} µs for each of its ${extraSwitches} extra task switches`
      : `-${formatMs(-extraMs)} ms (${formatPercent(extraMs / sequential.medianMs)}) by the medians, with ${extraSwitches} extra task switches`;
  const verdict =
    interleaved.impossible !== undefined
      ? 'Interleaved came out faster beyond its interval, which one thread cannot do on pure CPU work: the row is flagged as impossible.'
      : 'Taking turns on one thread overlaps no CPU work, so interleaving can gain nothing.';
  const ideal = idealCpuSpeedup(tasks, parallel.threads, cores);
  const beyond = parallel.threads - cores;
  const oversubscribed = beyond > 0 ? ` ${beyond === 1 ? 'The thread' : `The ${beyond} threads`} beyond the ${formatCount(cores, 'core')} ${beyond === 1 ? 'adds' : 'add'} no speed, only turns on the same cores.` : '';
  return [
    ...checksumWarning(rows),
    ...impossibleNotes(rows, baselineVsWorker(rows)),
    `interleaved against sequential: ${fasterOrSlower(sequential.medianMs / interleaved.medianMs, verdictBetween(interleaved, sequential))}; ${cost}. ${verdict}`,
    `parallel on ${formatCount(parallel.threads, 'worker thread')} was ${comparedWithRow(parallel, sequential)}, ` +
      `${formatPercent(parallel.speedup / ideal)} of the ideal ${formatRatio(ideal)} for ${tasks} equal tasks on min(${formatCount(parallel.threads, 'thread')}, ${formatCount(cores, 'core')}) = ` +
      `${Math.min(parallel.threads, cores)}${shortfall(parallel.speedup / ideal)}.${oversubscribed}`,
  ];
}

function shortfall(shareOfIdeal: number): string {
  if (shareOfIdeal >= 0.95) return ': close to ideal';
  return `; the missing ${formatPercent(1 - shareOfIdeal)} is time the threads spent on something other than task work (messages, task start-up, other processes on the machine)`;
}

/** Lanes, steps and task switches of the last run of one mode. */
export interface StepCounts {
  readonly lanes: number;
  readonly steps: number;
  readonly switches: number;
}

export type CpuBoundRow = ModeComparison & StepCounts & { readonly cpuPerUnitUs: number };

export type CpuBoundFacts = NamedFacts<'cores' | 'tasks' | 'idealParallelSpeedup' | 'parallelShareOfIdeal' | 'interleavedOverSequential' | 'parallelSpeedupVsPiscina'>;

/** The settings its result states beyond the common ones. */
export type CpuBoundSettings = { workload: string };

/** Tables, facts and sentences, from the compared rows and the last run of each mode. */
export function analyseCpuBound({ workload, rows, measurements }: OneWorkload, context: ExperimentContext): Analysis<CpuBoundRow, CpuBoundFacts, CpuBoundSettings> {
  const counts = new Map(measurements.map(({ mode, lastRun }): [ModeName, StepCounts] => [mode, { lanes: lastRun.lanes.length, steps: lastRun.trace.length, switches: taskSwitches(lastRun.trace) }]));
  const stepsOf = (mode: ModeName): StepCounts => counts.get(mode) ?? { lanes: 0, steps: 0, switches: 0 };
  const cores = context.machine.availableParallelism;
  const units = workloadCpuUnits(workload);
  const tasks = workload.tasks.length;
  const ideal = idealCpuSpeedup(tasks, context.threads, cores);
  const figures: CpuBoundFigures = { rows, cores, tasks, switches: { sequential: stepsOf('sequential').switches, interleaved: stepsOf('interleaved').switches } };
  return {
    settings: { workload: workload.description! },
    tables: [
      modeTable(`cpu-bound: ${workload.description}`, rows),
      {
        title: 'steps and task switches (last run of each mode)',
        head: ['mode', 'lanes', 'steps', 'task switches'],
        rows: CPU_BOUND_MODES.map((mode) => [mode, String(stepsOf(mode).lanes), String(stepsOf(mode).steps), String(stepsOf(mode).switches)]),
      },
    ],
    rows: rows.map((r) => ({ ...r, ...stepsOf(r.mode), cpuPerUnitUs: cpuPerUnitUs(r.cpuMs, units) })),
    facts: {
      cores,
      tasks,
      idealParallelSpeedup: ideal,
      parallelShareOfIdeal: rowOf(rows, 'parallel').speedup / ideal,
      interleavedOverSequential: rowOf(rows, 'interleaved').medianMs / rowOf(rows, 'sequential').medianMs,
      parallelSpeedupVsPiscina: rowOf(rows, 'piscina').medianMs / rowOf(rows, 'parallel').medianMs,
    },
    notes: [...interpretCpuBound(figures), ...cpuCostNote(rows)],
  };
}
