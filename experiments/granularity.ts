import { defineExperiment } from '../src/experiment/define.ts';
import { rowOf, type ModeFigures } from '../src/experiment/mode-rows.ts';
import { pairedRatioInterval, type RatioInterval } from '../src/measure/ratio-interval.ts';
import type { ModeName } from '../src/modes/index.ts';
import { baselineVsWorker, cpuCostNote, cpuPerUnitUs } from '../src/report/cpu-cost.ts';
import { formatMs, formatRatio } from '../src/report/format.ts';
import { IMPOSSIBLE_MARK } from '../src/report/impossible-notes.ts';
import { splitWorkWorkload } from '../src/workload/presets.ts';
import { analyseGranularity, DISPATCH_MODES, interpretGranularity, us, type DispatchMode, type SizeAnalysis, type SizeFigures } from './granularity-analysis.ts';
import type { NamedFacts } from '../src/report/experiment-result.ts';

export { analyseGranularity, interpretGranularity, type GranularityAnalysis, type SizeAnalysis, type SizeFigures } from './granularity-analysis.ts';

/** `piscina`, a plain pool running the same kernel work, is the reference the lab's traced `parallel` is held to. */
const MODES: readonly ModeName[] = ['sequential', 'parallel', 'hybrid', 'piscina'];
/** The largest size decides `parallelSpeedupVsPiscina`: a few tasks of tens of ms, where one slow round moves a median most. */
const LARGEST_SIZE_REPEAT_FACTOR = 3;
/** Targets of the lab's parallel path against the plain pool (full runs): fitted overhead at most 1.25x, speedup at least 0.97x. */
export const TARGETS = { overheadVsPiscina: 1.25, speedupVsPiscina: 0.97 } as const;
/** Sizes worth a timeline: 64 small tasks show the gaps between dispatches, 4 large ones show none; thousands would not draw. */
const DRAWN_TASK_COUNTS: readonly number[] = [64, 4];

/** The same total work at every size; sizes grow 4x from a few microseconds of work per task to tens of milliseconds. */
export function granularityPlan(quick: boolean): { totalUnits: number; sizes: number[] } {
  return quick ? { totalUnits: 4_096, sizes: [4, 16, 64, 256, 1_024] } : { totalUnits: 16_384, sizes: [4, 16, 64, 256, 1_024, 4_096] };
}

/** What `measure` hands to `analyse`: every size's compared rows, and the paired speedup of parallel against piscina at the largest. */
export interface GranularityMeasured {
  readonly plan: { readonly totalUnits: number; readonly sizes: readonly number[] };
  readonly figures: readonly SizeFigures[];
  readonly speedupVsPiscina: RatioInterval | undefined;
}

export type GranularityRow = ModeFigures & {
  readonly unitsPerTask: number;
  readonly tasks: number;
  readonly workPerTaskUs: number;
  readonly idealParallelMs: number;
  readonly cpuPerUnitUs: number;
  readonly overheadUsPerTask: number;
  readonly untracedMedianMs?: number;
  readonly impossible?: string;
};

export type GranularityFacts = NamedFacts<'cores' | 'parallelOverheadUsPerTask' | 'hybridOverheadUsPerTask' | 'piscinaOverheadUsPerTask' | 'threadDispatchUs' | 'parallelOverheadVsPiscina' | 'baselineVsWorkerPerUnit' | 'parallelUntracedOverheadUsPerTask' | 'stepRecordingUsPerTask' | 'parallelOverheadVsPiscinaTarget' | 'parallelOverheadVsPiscinaMet' | 'parallelSpeedupVsPiscina' | 'parallelSpeedupVsPiscinaLow' | 'parallelSpeedupVsPiscinaHigh' | 'parallelSpeedupVsPiscinaTarget' | 'parallelSpeedupVsPiscinaMet' | 'usPerUnit' | 'crossoverUnits' | 'crossoverUs' | 'piscinaCrossoverUnits' | 'piscinaCrossoverUs'>;

export const granularity = defineExperiment<GranularityMeasured, GranularityRow, GranularityFacts>('granularity', {
  question: 'How small can a task be before handing it to a worker thread costs more than it saves: why was one thread faster than 2-4 workers?',
  about: 'The same CPU work cut into tasks of a few µs up to tens of ms, sequential, parallel, hybrid and piscina: the cost per task handed over, and the size where threads start to pay.',
  defaults: { repeats: 6, quickRepeats: 3 },

  async measure(kit) {
    const { quick, steps, repeats } = kit.context;
    const plan = granularityPlan(quick);
    let speedupVsPiscina: RatioInterval | undefined;
    const figures: SizeFigures[] = [];
    for (const unitsPerTask of plan.sizes) {
      const workload = splitWorkWorkload({ totalUnits: plan.totalUnits, unitsPerTask });
      const isLargest = unitsPerTask === plan.sizes[plan.sizes.length - 1];
      // Parallel also without step recording, in the same rounds, to say what recording costs (only reported; the targets hold for the traced row).
      const { measurements, rows, untraced } = await kit.measure(workload, MODES, {
        untraced: steps ? ['parallel'] : [],
        draw: DRAWN_TASK_COUNTS.includes(workload.tasks.length),
        ...(isLargest && { repeats: repeats * LARGEST_SIZE_REPEAT_FACTOR }),
      });
      figures.push({ unitsPerTask, tasks: workload.tasks.length, rows, ...(untraced[0] && { untracedParallelMs: untraced[0].summary.median }) });
      // Per-round ratios: both modes ran in the same rounds, so the pairing removes the machine's drift.
      if (isLargest) speedupVsPiscina = pairedRatioInterval(rowOf(measurements, 'piscina').wallMs, rowOf(measurements, 'parallel').wallMs);
    }
    return { plan, figures, speedupVsPiscina };
  },

  analyse({ plan, figures, speedupVsPiscina }, context) {
  const cores = context.machine.availableParallelism;
  const analysis = analyseGranularity(figures, context.threads, cores);
  const fit = analysis.fittedOverheadUs;
  const overheadVsPiscina = fit.parallel / fit.piscina;
  const cell = (s: SizeAnalysis, mode: ModeName): ModeFigures => rowOf(s.rows, mode);
  return {
    settings: { totalUnits: plan.totalUnits, sizes: plan.sizes.join(' ') },
    tables: [
      {
        title: `granularity: ${plan.totalUnits} cpu units cut into tasks of ${plan.sizes[0]}-${plan.sizes[plan.sizes.length - 1]} units, ${context.threads} threads, ${cores} cores`,
        head: ['units/task', 'tasks', 'work/task', 'sequential ms', 'parallel ms', 'par speedup', 'par overhead/task', 'par no-steps ms', 'hybrid ms', 'hybrid speedup', 'piscina ms', 'piscina speedup', 'piscina overhead/task', 'checksums'],
        rows: analysis.sizes.map((s) => [
          String(s.unitsPerTask),
          String(s.tasks),
          us(s.workPerTaskUs),
          formatMs(cell(s, 'sequential').medianMs),
          formatMs(cell(s, 'parallel').medianMs),
          formatRatio(cell(s, 'parallel').speedup),
          flagged(us(s.overheadUs.parallel), s.impossible.parallel),
          s.untracedParallelMs === undefined ? '-' : formatMs(s.untracedParallelMs),
          formatMs(cell(s, 'hybrid').medianMs),
          flagged(formatRatio(cell(s, 'hybrid').speedup), s.impossible.hybrid),
          formatMs(cell(s, 'piscina').medianMs),
          formatRatio(cell(s, 'piscina').speedup),
          flagged(us(s.overheadUs.piscina), s.impossible.piscina),
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
        cpuPerUnitUs: cpuPerUnitUs(r.cpuMs, plan.totalUnits),
        overheadUsPerTask: isDispatchMode(r.mode) ? s.overheadUs[r.mode] : 0,
        ...(r.mode === 'parallel' && s.untracedParallelMs !== undefined && { untracedMedianMs: s.untracedParallelMs }),
        ...(isDispatchMode(r.mode) && s.impossible[r.mode] !== undefined && { impossible: s.impossible[r.mode] }),
      })),
    ),
    facts: {
      cores,
      parallelOverheadUsPerTask: fit.parallel,
      hybridOverheadUsPerTask: fit.hybrid,
      piscinaOverheadUsPerTask: fit.piscina,
      threadDispatchUs: fit.piscina,
      parallelOverheadVsPiscina: overheadVsPiscina,
      baselineVsWorkerPerUnit: baselineVsWorker(analysis.sizes.flatMap((s) => s.rows)),
      parallelUntracedOverheadUsPerTask: analysis.untracedParallelOverheadUs,
      stepRecordingUsPerTask: fit.parallel - analysis.untracedParallelOverheadUs,
      parallelOverheadVsPiscinaTarget: TARGETS.overheadVsPiscina,
      parallelOverheadVsPiscinaMet: overheadVsPiscina <= TARGETS.overheadVsPiscina ? 1 : 0,
      parallelSpeedupVsPiscina: analysis.parallelSpeedupVsPiscina,
      parallelSpeedupVsPiscinaLow: speedupVsPiscina?.low ?? Number.NaN,
      parallelSpeedupVsPiscinaHigh: speedupVsPiscina?.high ?? Number.NaN,
      parallelSpeedupVsPiscinaTarget: TARGETS.speedupVsPiscina,
      // Met when the ratio reaches the target or its interval includes it.
      parallelSpeedupVsPiscinaMet: Math.max(analysis.parallelSpeedupVsPiscina, speedupVsPiscina?.high ?? Number.NaN) >= TARGETS.speedupVsPiscina ? 1 : 0,
      usPerUnit: analysis.usPerUnit,
      crossoverUnits: analysis.crossover.state === 'crossed' ? analysis.crossover.size : Number.NaN,
      crossoverUs: analysis.crossover.state === 'crossed' ? analysis.crossover.size * analysis.usPerUnit : Number.NaN,
      piscinaCrossoverUnits: analysis.piscinaCrossover.state === 'crossed' ? analysis.piscinaCrossover.size : Number.NaN,
      piscinaCrossoverUs: analysis.piscinaCrossover.state === 'crossed' ? analysis.piscinaCrossover.size * analysis.usPerUnit : Number.NaN,
    },
    notes: [...interpretGranularity(analysis, context.threads), ...cpuCostNote(analysis.sizes[analysis.sizes.length - 1]!.rows)],
  };
  },
});

/** A table cell with the impossible mark when its figure is flagged (the reason is in the notes and `--json`). */
function flagged(cell: string, impossible: string | undefined): string {
  return impossible === undefined ? cell : `${cell} ${IMPOSSIBLE_MARK}`;
}

function isDispatchMode(mode: ModeName): mode is DispatchMode {
  return (DISPATCH_MODES as readonly ModeName[]).includes(mode);
}
