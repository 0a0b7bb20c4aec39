import { interpretGranularity } from './analysis-notes.ts';
import { defineExperiment } from '../../src/experiment/define.ts';
import { rowOf, type ModeFigures } from '../../src/experiment/mode-rows.ts';
import type { DispatchRow } from '../../src/experiment/dispatch-fit.ts';
import type { Estimate } from '../../src/experiment/dispatch-intervals.ts';
import type { Crossover } from '../../src/measure/crossover.ts';
import type { RatioInterval } from '../../src/measure/ratio-interval.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import type { ModeName } from '../../src/modes/index.ts';
import { baselineVsWorker, cpuCostNote, cpuPerUnitUs } from '../../src/report/cpu-cost.ts';
import { formatMs, formatRatio } from '../../src/report/format.ts';
import { IMPOSSIBLE_MARK } from '../../src/report/impossible-notes.ts';
import { splitWorkWorkload } from '../../src/workload/presets.ts';
import { AA_SUBJECT, analyseGranularity, DISPATCH_MODES, overheadTargetMet, us, type DispatchMode, type SizeAnalysis, type SizeFigures } from './analysis.ts';
import type { NamedFacts } from '../../src/report/experiment-result.ts';

export { interpretGranularity } from './analysis-notes.ts';
export { AA_SUBJECT, analyseGranularity, overheadTargetMet, type GranularityAnalysis, type SizeAnalysis, type SizeFigures } from './analysis.ts';

/** `piscina`, a plain pool running the same kernel work, is the reference the lab's traced `parallel` is held to. */
const MODES: readonly ModeName[] = ['sequential', 'parallel', 'hybrid', 'piscina'];
/**
 * Rounds at the two sizes that decide the targets, as a multiple of --repeats. The smallest size
 * decides every fitted per-task cost (the fit weighs a size by its task count squared: 4,096 tasks
 * outweigh 1,024 sixteen times), so its medians set the A/A ratio's noise. The largest decides
 * `parallelSpeedupVsPiscina`: a few tasks of tens of ms, where one slow round moves a median most.
 */
const DECIDING_SIZE_REPEAT_FACTOR = 3;
/** Targets of the lab's parallel path against the plain pool (full runs): fitted overhead at most 1.25x, speedup at least 0.97x. */
export const TARGETS = { overheadVsPiscina: 1.25, speedupVsPiscina: 0.97 } as const;
/** Sizes worth a timeline: 64 small tasks show the gaps between dispatches, 4 large ones show none; thousands would not draw. */
const DRAWN_TASK_COUNTS: readonly number[] = [64, 4];

/** The same total work at every size; sizes grow 4x from a few microseconds of work per task to tens of milliseconds. */
export function granularityPlan(quick: boolean): { totalUnits: number; sizes: number[] } {
  return quick ? { totalUnits: 4_096, sizes: [4, 16, 64, 256, 1_024] } : { totalUnits: 16_384, sizes: [4, 16, 64, 256, 1_024, 4_096] };
}

/** What `measure` hands to `analyse`: every size's compared rows (with their rounds, which the intervals resample). */
export interface GranularityMeasured {
  readonly plan: { readonly totalUnits: number; readonly sizes: readonly number[] };
  readonly figures: readonly SizeFigures[];
  /**
   * The paired interval of piscina / parallel at the largest size, for figures whose rows keep no
   * rounds (rebuilt from a saved result's facts); the analysis finds it from the rounds when they are there.
   */
  readonly speedupVsPiscina?: RatioInterval;
}

export type GranularityRow = Omit<DispatchRow, 'mode'> & {
  /** The mode run, or `piscina-aa` on the row of piscina's A/A twin (`--aa`). */
  readonly mode: ModeName | typeof AA_SUBJECT;
  /** Only on the A/A twin's row: the mode it is a second, identical subject of. */
  readonly aaTwinOf?: 'piscina';
  readonly unitsPerTask: number;
  readonly tasks: number;
  readonly workPerTaskUs: number;
  readonly idealParallelMs: number;
  readonly cpuPerUnitUs: number;
  readonly overheadUsPerTask: number;
  readonly untracedMedianMs?: number;
  readonly impossible?: string;
};

/** A fact with its 95% interval: `name`, `nameLow`, `nameHigh`. */
type Bounded<K extends string> = K | `${K}Low` | `${K}High`;

export type GranularityFacts = NamedFacts<
  | 'cores'
  | Bounded<'parallelOverheadUsPerTask' | 'hybridOverheadUsPerTask' | 'piscinaOverheadUsPerTask' | 'threadDispatchUs' | 'parallelOverheadVsPiscina' | 'hybridOverheadVsParallel'>
  | 'baselineVsWorkerPerUnit'
  | Bounded<'parallelUntracedOverheadUsPerTask' | 'stepRecordingUsPerTask' | 'instrumentationUsPerTask'>
  | 'parallelOverheadVsPiscinaTarget'
  | 'parallelOverheadVsPiscinaMet'
  | Bounded<'parallelSpeedupVsPiscina'>
  | 'parallelSpeedupVsPiscinaTarget'
  | 'parallelSpeedupVsPiscinaMet'
  | 'parallelSpeedupVsPiscinaIntervalIncludesTarget'
  | 'usPerUnit'
  | Bounded<'crossoverUnits' | 'crossoverUs' | 'piscinaCrossoverUnits' | 'piscinaCrossoverUs'>
  | Bounded<'piscinaAaOverheadUsPerTask' | 'aaRatio'>
>;

/** `name` with its interval as three facts. */
function bounded<K extends string>(name: K, e: Pick<Estimate, 'value' | 'low' | 'high'>): Record<Bounded<K>, number> {
  return { [name]: e.value, [`${name}Low`]: e.low, [`${name}High`]: e.high } as Record<Bounded<K>, number>;
}

/** A crossover as facts: where it is placed (the first size from which every larger one was measurably faster), in units or µs, with its interval in sizes (Low: the last size not measurably faster); NaN unless it crossed. */
function crossoverFacts<K extends string>(name: K, c: Crossover, scale: number): Record<Bounded<K>, number> {
  return bounded(name, c.state === 'crossed' ? { value: c.size * scale, low: c.below * scale, high: c.above * scale } : { value: Number.NaN, low: Number.NaN, high: Number.NaN });
}

/** The settings its result states beyond the common ones. */
type GranularitySettings = { totalUnits: number; sizes: string; aa?: boolean };

export const granularity = defineExperiment<GranularityMeasured, GranularityRow, GranularityFacts, GranularitySettings>('granularity', {
  comparable: ['quick', 'seed', 'totalUnits', 'sizes'],
  question: 'How small can a task be before handing it to a worker thread costs more than it saves: why was one thread faster than 2-4 workers?',
  about: 'The same CPU work cut into tasks of a few µs up to tens of ms, sequential, parallel, hybrid and piscina: the cost per task handed over, and the size where threads start to pay.',
  defaults: { repeats: 6, quickRepeats: 3 },

  async measure(kit) {
    const { quick, steps, repeats, aa } = kit.context;
    const plan = granularityPlan(quick);
    const figures: SizeFigures[] = [];
    for (const unitsPerTask of plan.sizes) {
      const workload = splitWorkWorkload({ totalUnits: plan.totalUnits, unitsPerTask });
      const decides = unitsPerTask === plan.sizes[0] || unitsPerTask === plan.sizes[plan.sizes.length - 1];
      // Parallel also without step recording, in the same rounds, to say what recording costs (only reported; the targets hold for the traced row).
      // Under --aa, piscina a second time as a subject of its own (its own place in the run order, its own runs): the A/A check.
      const { rows, untraced, aa: twins = [] } = await kit.measure(workload, MODES, {
        untraced: steps ? ['parallel'] : [],
        ...(aa === true && { aa: ['piscina'] }),
        draw: DRAWN_TASK_COUNTS.includes(workload.tasks.length),
        ...(decides && { repeats: repeats * DECIDING_SIZE_REPEAT_FACTOR }),
      });
      figures.push({
        unitsPerTask,
        tasks: workload.tasks.length,
        rows,
        ...(untraced[0] && { untracedParallelMs: untraced[0].summary.median, untracedParallelSamples: samplesOf(untraced[0].wallMs) }),
        ...(twins[0] && { aaPiscina: twins[0] }),
      });
    }
    return { plan, figures };
  },

  analyse({ plan, figures, speedupVsPiscina }, context) {
    const cores = context.machine.availableParallelism;
    const analysis = analyseGranularity(figures, context.threads, cores);
    const e = analysis.estimates;
    const fit = analysis.fittedOverheadUs;
    const speedup = analysis.parallelVsPiscina?.interval ?? speedupVsPiscina;
    const cell = (s: SizeAnalysis, mode: ModeName): ModeFigures => rowOf(s.rows, mode);
    const twin = (s: SizeAnalysis): string[] => (analysis.aa ? [formatMs(s.aaPiscina!.medianMs), flagged(us(s.overheadUs[AA_SUBJECT]!), s.impossible[AA_SUBJECT])] : []);
    return {
      settings: { totalUnits: plan.totalUnits, sizes: plan.sizes.join(' '), ...(analysis.aa && { aa: true }) },
      tables: [
        {
          title: `granularity: ${plan.totalUnits} cpu units cut into tasks of ${plan.sizes[0]}-${plan.sizes[plan.sizes.length - 1]} units, ${context.threads} threads, ${cores} cores`,
          head: [
            'units/task', 'tasks', 'work/task', 'sequential ms', 'parallel ms', 'par speedup', 'par overhead/task', 'par no-steps ms', 'hybrid ms', 'hybrid speedup', 'piscina ms', 'piscina speedup', 'piscina overhead/task',
            ...(analysis.aa ? [`${AA_SUBJECT} ms`, `${AA_SUBJECT} overhead/task`] : []),
            'checksums',
          ],
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
            ...twin(s),
            [...s.rows, ...(s.aaPiscina === undefined ? [] : [s.aaPiscina])].every((r) => r.checksumOk) ? 'identical' : 'DIFFERENT',
          ]),
        },
      ],
      rows: analysis.sizes.flatMap((s) => {
        const of = (r: DispatchRow) => ({
          unitsPerTask: s.unitsPerTask,
          tasks: s.tasks,
          workPerTaskUs: s.workPerTaskUs,
          idealParallelMs: s.idealParallelMs,
          cpuPerUnitUs: cpuPerUnitUs(r.cpuMs, plan.totalUnits),
        });
        const own = s.rows.map((r): GranularityRow => ({
          ...r,
          ...of(r),
          overheadUsPerTask: isDispatchMode(r.mode) ? s.overheadUs[r.mode] : 0,
          ...(r.mode === 'parallel' && s.untracedParallelMs !== undefined && { untracedMedianMs: s.untracedParallelMs }),
          ...(isDispatchMode(r.mode) && s.impossible[r.mode] !== undefined && { impossible: s.impossible[r.mode] }),
        }));
        const t = s.aaPiscina;
        return t === undefined
          ? own
          : [...own, { ...t, ...of(t), mode: AA_SUBJECT, aaTwinOf: 'piscina', overheadUsPerTask: s.overheadUs[AA_SUBJECT] ?? Number.NaN, ...(s.impossible[AA_SUBJECT] !== undefined && { impossible: s.impossible[AA_SUBJECT] }) }];
      }),
      facts: {
        cores,
        ...bounded('parallelOverheadUsPerTask', e.parallel),
        ...bounded('hybridOverheadUsPerTask', e.hybrid),
        ...bounded('piscinaOverheadUsPerTask', e.piscina),
        ...bounded('threadDispatchUs', e.piscina),
        ...bounded('parallelOverheadVsPiscina', e.parallelVsPiscina),
        ...bounded('hybridOverheadVsParallel', e.hybridVsParallel),
        baselineVsWorkerPerUnit: baselineVsWorker(analysis.sizes.flatMap((s) => s.rows)),
        ...bounded('parallelUntracedOverheadUsPerTask', e.untracedParallel),
        ...bounded('stepRecordingUsPerTask', e.stepRecording),
        ...bounded('instrumentationUsPerTask', e.instrumentation),
        parallelOverheadVsPiscinaTarget: TARGETS.overheadVsPiscina,
        // Met only when the point estimate meets the target and both fits are positive: a ratio of a negative fit meets nothing.
        parallelOverheadVsPiscinaMet: overheadTargetMet(fit.parallel, fit.piscina, TARGETS.overheadVsPiscina) ? 1 : 0,
        ...bounded('parallelSpeedupVsPiscina', { value: analysis.parallelSpeedupVsPiscina, low: speedup?.low ?? Number.NaN, high: speedup?.high ?? Number.NaN }),
        parallelSpeedupVsPiscinaTarget: TARGETS.speedupVsPiscina,
        // Met by the point estimate; whether the interval reaches the target is a separate fact.
        parallelSpeedupVsPiscinaMet: analysis.parallelSpeedupVsPiscina >= TARGETS.speedupVsPiscina ? 1 : 0,
        parallelSpeedupVsPiscinaIntervalIncludesTarget: speedup !== undefined && speedup.low <= TARGETS.speedupVsPiscina && TARGETS.speedupVsPiscina <= speedup.high ? 1 : 0,
        usPerUnit: analysis.usPerUnit,
        ...crossoverFacts('crossoverUnits', analysis.crossover, 1),
        ...crossoverFacts('crossoverUs', analysis.crossover, analysis.usPerUnit),
        ...crossoverFacts('piscinaCrossoverUnits', analysis.piscinaCrossover, 1),
        ...crossoverFacts('piscinaCrossoverUs', analysis.piscinaCrossover, analysis.usPerUnit),
        ...bounded('piscinaAaOverheadUsPerTask', e.piscinaAa),
        ...bounded('aaRatio', e.aaRatio),
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
