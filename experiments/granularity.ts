import { runSettings, type Experiment, type ExperimentContext } from '../src/cli/experiment.ts';
import { compareModes } from '../src/measure/compare-modes.ts';
import type { ModeMeasurement } from '../src/measure/measure-modes.ts';
import { crossoverSize, type Crossover } from '../src/measure/crossover.ts';
import { fitOverheadPerTask, overheadPerTask } from '../src/measure/dispatch-overhead.ts';
import { listScheduleMs } from '../src/measure/list-schedule.ts';
import type { ModeName } from '../src/modes/index.ts';
import { drawableRuns } from '../src/report/drawable-runs.ts';
import type { ExperimentResult } from '../src/report/experiment-result.ts';
import { formatMs, formatPercent, formatRatio } from '../src/report/format.ts';
import { splitWorkWorkload } from '../src/workload/presets.ts';
import { checksumWarning, comparedWith, fasterOrSlower, measureOnPool, rowOf, verdictBetween, withPool, type ModeFigures } from './measure-on-pool.ts';

const MODES: readonly ModeName[] = ['sequential', 'parallel', 'hybrid'];
/** Sizes worth a timeline: 64 small tasks show the gaps between dispatches, 4 large ones show none; thousands would not draw. */
const DRAWN_TASK_COUNTS: readonly number[] = [64, 4];

/** The same total work at every size; sizes grow 4x from a few microseconds of work per task to tens of milliseconds. */
export function granularityPlan(quick: boolean): { totalUnits: number; sizes: number[] } {
  return quick ? { totalUnits: 4_096, sizes: [4, 16, 64, 256, 1_024] } : { totalUnits: 16_384, sizes: [4, 16, 64, 256, 1_024, 4_096] };
}

/** One task size, measured in every mode. */
export interface SizeFigures {
  readonly unitsPerTask: number;
  readonly tasks: number;
  readonly rows: readonly ModeFigures[];
}

/** What a size tells once compared with the ideal: parallel = sequential / usable threads, spread by whole tasks. */
export interface SizeAnalysis extends SizeFigures {
  readonly workPerTaskUs: number;
  readonly idealParallelMs: number;
  readonly parallelOverheadUs: number;
  readonly hybridOverheadUs: number;
}

export interface GranularityAnalysis {
  readonly sizes: readonly SizeAnalysis[];
  readonly crossover: Crossover;
  /** Per-task cost fitted over all sizes, µs of wall time. */
  readonly parallelOverheadUs: number;
  readonly hybridOverheadUs: number;
  /** Microseconds of kernel work in one unit, from the sequential run of the largest tasks. */
  readonly usPerUnit: number;
  /** Threads that can run at once: min(threads, cores). */
  readonly usable: number;
}

/** Ideal times, per-task overheads, the fitted overhead and the crossover, from the measured sizes (smallest first). */
export function analyseGranularity(figures: readonly SizeFigures[], threads: number, cores: number): GranularityAnalysis {
  const usable = Math.min(threads, cores);
  const sizes = figures.map((f): SizeAnalysis => {
    const sequentialMs = rowOf(f.rows, 'sequential').medianMs;
    const idealParallelMs = (sequentialMs * listScheduleMs(new Array<number>(f.tasks).fill(1), usable)) / f.tasks;
    const overheadUs = (mode: ModeName): number => overheadPerTask(rowOf(f.rows, mode).medianMs, idealParallelMs, f.tasks) * 1000;
    return { ...f, workPerTaskUs: (sequentialMs * 1000) / f.tasks, idealParallelMs, parallelOverheadUs: overheadUs('parallel'), hybridOverheadUs: overheadUs('hybrid') };
  });
  const extra = (mode: ModeName): { tasks: number; extraMs: number }[] =>
    sizes.map((s) => ({ tasks: s.tasks, extraMs: rowOf(s.rows, mode).medianMs - s.idealParallelMs }));
  const largest = sizes.reduce((a, b) => (b.unitsPerTask > a.unitsPerTask ? b : a));
  return {
    sizes,
    crossover: crossoverSize(sizes.map((s) => ({ size: s.unitsPerTask, speedup: rowOf(s.rows, 'parallel').speedup }))),
    parallelOverheadUs: fitOverheadPerTask(extra('parallel')) * 1000,
    hybridOverheadUs: fitOverheadPerTask(extra('hybrid')) * 1000,
    usPerUnit: largest.workPerTaskUs / largest.unitsPerTask,
    usable,
  };
}

/** Microseconds as µs, or as ms from a thousand on. */
function us(value: number): string {
  if (Math.abs(value) >= 1000) return `${(value / 1000).toFixed(2)} ms`;
  return `${Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1)} µs`;
}

function batchingVerdict(hybridShareOfParallelCost: number): string {
  if (hybridShareOfParallelCost < 0.5) return 'Batching removed most of that cost';
  if (hybridShareOfParallelCost < 1) return 'Batching removed some of that cost';
  return 'Batching did not lower that cost here';
}

/** Sentences from the analysis: where parallel starts to pay, what one task costs to hand out, what batching saves. */
export function interpretGranularity(a: GranularityAnalysis, threads: number): string[] {
  const smallest = a.sizes[0]!;
  const largest = a.sizes[a.sizes.length - 1]!;
  const parallelAt = (s: SizeAnalysis): ModeFigures => rowOf(s.rows, 'parallel');
  const c = a.crossover;
  const where =
    c.state === 'crossed'
      ? `parallel on ${threads} threads was slower than sequential below about ${us(c.size * a.usPerUnit)} of work per task ` +
        `(${c.size.toFixed(0)} units, interpolated between ${c.below} and ${c.above}) and faster above it` +
        (c.laterDips.length === 0 ? '' : ` (except at ${c.laterDips.join(', ')} units, where it dipped below sequential again: noise from a busy machine, or tasks too few to share evenly)`)
      : c.state === 'always-faster'
        ? `parallel on ${threads} threads was faster than sequential at every size, even ${us(smallest.workPerTaskUs)} of work per task: the crossover is below the smallest size`
        : `parallel on ${threads} threads was slower than sequential at every size, even ${us(largest.workPerTaskUs)} of work per task: the crossover is above the largest size`;
  const breakEven = a.usable > 1 ? (a.parallelOverheadUs * a.usable) / (a.usable - 1) : Number.POSITIVE_INFINITY;
  const hybridSmall = rowOf(smallest.rows, 'hybrid');
  const idealLargest = rowOf(largest.rows, 'sequential').medianMs / largest.idealParallelMs;
  return [
    ...checksumWarning(a.sizes.flatMap((s) => s.rows)),
    `${where}; at ${us(largest.workPerTaskUs)} per task it was ${fasterOrSlower(parallelAt(largest).speedup, verdictBetween(parallelAt(largest), rowOf(largest.rows, 'sequential')))} (ideal ${formatRatio(idealLargest)}), ` +
      `at ${us(smallest.workPerTaskUs)} ${fasterOrSlower(parallelAt(smallest).speedup, verdictBetween(parallelAt(smallest), rowOf(smallest.rows, 'sequential')))}.` +
      (parallelAt(largest).speedup < 0.75 * idealLargest
        ? ` Even the largest tasks reached only ${formatPercent(parallelAt(largest).speedup / idealLargest)} of the ideal: the cores were probably not free, so the crossover here is later than on a quiet machine.`
        : ''),
    `Each task handed to a worker cost about ${us(a.parallelOverheadUs)} of wall time (fitted over all sizes; ${us(smallest.parallelOverheadUs)} at the smallest): ` +
      `a message to a worker and back carrying the task's spec and its trace, the task rebuilt and run under a scheduler, and the pool's bookkeeping. ` +
      (a.parallelOverheadUs <= 0
        ? 'The fit found no cost above the noise, so this run cannot place a break-even.'
        : Number.isFinite(breakEven)
          ? `With ${a.usable} threads able to run at once that predicts a break-even at ${us(breakEven)} of work per task: below it, handing out work costs more than sharing it saves` +
            (parallelAt(smallest).speedup < 1 ? ', which is why one thread beat the pool on small tasks.' : '.')
          : 'With one usable core, threads can only add that cost.'),
    `${batchingVerdict(a.hybridOverheadUs / a.parallelOverheadUs)}: hybrid sends each worker one message with its whole share, and paid about ${us(a.hybridOverheadUs)} per task (fitted); ` +
      `at the smallest size it was ${comparedWith(parallelAt(smallest).medianMs / hybridSmall.medianMs, 'parallel', verdictBetween(hybridSmall, parallelAt(smallest)))} and ${comparedWith(hybridSmall.speedup, 'sequential', verdictBetween(hybridSmall, rowOf(smallest.rows, 'sequential')))}.`,
  ];
}

async function run(context: ExperimentContext): Promise<ExperimentResult> {
  const machine = context.machine;
  const cores = machine.availableParallelism;
  const plan = granularityPlan(context.quick);
  const drawn: ModeMeasurement[] = [];
  const figures = await withPool(context.threads, async (pool) => {
    const measured: SizeFigures[] = [];
    for (const unitsPerTask of plan.sizes) {
      const workload = splitWorkWorkload({ totalUnits: plan.totalUnits, unitsPerTask });
      const measurements = await measureOnPool(workload, MODES, context, pool);
      measured.push({ unitsPerTask, tasks: workload.tasks.length, rows: compareModes(measurements) });
      if (DRAWN_TASK_COUNTS.includes(workload.tasks.length)) drawn.push(...measurements);
    }
    return measured;
  });
  const analysis = analyseGranularity(figures, context.threads, cores);
  const cell = (s: SizeAnalysis, mode: ModeName): ModeFigures => rowOf(s.rows, mode);
  return {
    experiment: 'granularity',
    question: granularity.question,
    machine,
    settings: { ...runSettings(context), totalUnits: plan.totalUnits, sizes: plan.sizes.join(' ') },
    tables: [
      {
        title: `granularity: ${plan.totalUnits} cpu units cut into tasks of ${plan.sizes[0]}-${plan.sizes[plan.sizes.length - 1]} units, ${context.threads} threads, ${cores} cores`,
        head: ['units/task', 'tasks', 'work/task', 'sequential ms', 'parallel ms', 'par speedup', 'par overhead/task', 'hybrid ms', 'hybrid speedup', 'checksums'],
        rows: analysis.sizes.map((s) => [
          String(s.unitsPerTask),
          String(s.tasks),
          us(s.workPerTaskUs),
          formatMs(cell(s, 'sequential').medianMs),
          formatMs(cell(s, 'parallel').medianMs),
          formatRatio(cell(s, 'parallel').speedup),
          us(s.parallelOverheadUs),
          formatMs(cell(s, 'hybrid').medianMs),
          formatRatio(cell(s, 'hybrid').speedup),
          s.rows.every((r) => r.checksumOk) ? 'identical' : 'DIFFERENT',
        ]),
      },
    ],
    rows: analysis.sizes.flatMap((s) =>
      s.rows.map((r) => ({
        ...r,
        unitsPerTask: s.unitsPerTask,
        tasks: s.tasks,
        workPerTaskUs: s.workPerTaskUs,
        idealParallelMs: s.idealParallelMs,
        overheadUsPerTask: r.mode === 'sequential' ? 0 : r.mode === 'parallel' ? s.parallelOverheadUs : s.hybridOverheadUs,
      })),
    ),
    facts: {
      cores,
      parallelOverheadUsPerTask: analysis.parallelOverheadUs,
      hybridOverheadUsPerTask: analysis.hybridOverheadUs,
      usPerUnit: analysis.usPerUnit,
      crossoverUnits: analysis.crossover.state === 'crossed' ? analysis.crossover.size : Number.NaN,
      crossoverUs: analysis.crossover.state === 'crossed' ? analysis.crossover.size * analysis.usPerUnit : Number.NaN,
    },
    notes: interpretGranularity(analysis, context.threads),
    runs: drawableRuns(drawn),
  };
}

export const granularity: Experiment = {
  name: 'granularity',
  question: 'How small can a task be before handing it to a worker thread costs more than it saves: why was one thread faster than 2-4 workers?',
  defaults: { repeats: 6, quickRepeats: 3 },
  run,
};
