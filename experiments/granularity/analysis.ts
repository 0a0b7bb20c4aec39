import type { Crossover } from '../../src/measure/crossover.ts';
import { pairedRatioInterval, type RatioInterval } from '../../src/measure/ratio-interval.ts';
import { pairByRound, type Sample } from '../../src/measure/samples.ts';
import { pairedVerdict, type Verdict } from '../../src/measure/verdict.ts';
import type { ModeName } from '../../src/modes/index.ts';
import { baselineVsWorker } from '../../src/report/cpu-cost.ts';
import { formatPercent, formatRatio } from '../../src/report/format.ts';
import { impossibleNotes } from '../../src/report/impossible-notes.ts';
import { comparedWith, fasterOrSlower, verdictBetween } from '../../src/experiment/compared-with.ts';
import { crossoverPhrase } from '../../src/experiment/crossover-phrase.ts';
import { rowOf } from '../../src/experiment/mode-rows.ts';
import { fitTogether, idealSplitMs, usPerUnitOf, verdictAgainstSequential, type DispatchRow, type FitSubject } from '../../src/experiment/dispatch-fit.ts';
import { costRatio, estimateCosts, type DispatchBootstrapOptions, type Estimate, type Series } from '../../src/experiment/dispatch-intervals.ts';
import { clearlyAbove, clearlyBelow, intervalClause, intervalKnown, withInterval } from '../../src/experiment/estimate-text.ts';
import { checksumWarning } from '../../src/report/checksum-warning.ts';

/** One task size, measured in every mode. */
export interface SizeFigures {
  readonly unitsPerTask: number;
  readonly tasks: number;
  readonly rows: readonly DispatchRow[];
  /** Median of `parallel` measured with `--no-steps` (no step recording), when measured. */
  readonly untracedParallelMs?: number;
  /** Those runs' wall times with their rounds (the same rounds as `rows`), when measured. */
  readonly untracedParallelSamples?: readonly Sample[];
  /** Under `--aa`: piscina's A/A twin, the same mode run as a subject of its own, compared with sequential like the others. */
  readonly aaPiscina?: DispatchRow;
}

/** The modes whose per-task dispatch cost the sweep fits: the lab's traced parallel, its batches, and the plain pool. */
export const DISPATCH_MODES = ['parallel', 'hybrid', 'piscina'] as const satisfies readonly ModeName[];
export type DispatchMode = (typeof DISPATCH_MODES)[number];
/** The A/A twin of `piscina` (`--aa`): a subject label, not a mode; it runs the piscina mode. */
export const AA_SUBJECT = 'piscina-aa';
/** What the fits compare: the dispatching modes and, under `--aa`, the twin. */
export type FittedSubject = DispatchMode | typeof AA_SUBJECT;

/** What a size tells once compared with the ideal: parallel = sequential / usable threads, spread by whole tasks. */
export interface SizeAnalysis extends SizeFigures {
  readonly workPerTaskUs: number;
  readonly idealParallelMs: number;
  /** (measured - ideal) / tasks, µs, per dispatching mode (and the A/A twin when measured). */
  readonly overheadUs: Readonly<Record<DispatchMode, number>> & { readonly [AA_SUBJECT]?: number };
  /** Why a subject's figures at this size are impossible (superlinear, or a negative overhead beyond its interval); such sizes stay out of every fit. */
  readonly impossible: Readonly<Partial<Record<FittedSubject, string>>>;
}

/** Every fitted cost (µs per task) and ratio of costs that the granularity facts carry. */
export type EstimateName = 'parallel' | 'hybrid' | 'piscina' | 'piscinaAa' | 'untracedParallel' | 'stepRecording' | 'instrumentation' | 'parallelVsPiscina' | 'hybridVsParallel' | 'aaRatio';

export interface GranularityAnalysis {
  readonly sizes: readonly SizeAnalysis[];
  /** Where the lab's traced parallel starts to be measurably faster than sequential, and where the plain pool does (by each size's verdict). */
  readonly crossover: Crossover;
  readonly piscinaCrossover: Crossover;
  /** Per-task cost, µs of wall time, fitted by one method for every mode on the same sizes (`fittedSizes`). */
  readonly fittedOverheadUs: Readonly<Record<DispatchMode, number>>;
  /** Units per task every fit used: the sizes whose figures are possible for every subject compared. */
  readonly fittedSizes: readonly number[];
  /** Each fitted cost and ratio with its 95% bootstrap interval over rounds; NaN where not measured, NaN ends where there are no rounds to resample. */
  readonly estimates: Readonly<Record<EstimateName, Estimate>>;
  /** Microseconds of kernel work in one unit, from the sequential run of the largest tasks. */
  readonly usPerUnit: number;
  /** Threads that can run at once: min(threads, cores). */
  readonly usable: number;
  /** Piscina's median / parallel's at the largest size: parallel's speedup as a share of the plain pool's. */
  readonly parallelSpeedupVsPiscina: number;
  /** At the largest size, over the rounds both ran: the interval of piscina / parallel per round, and whether parallel differed from piscina. */
  readonly parallelVsPiscina?: { readonly interval: RatioInterval; readonly verdict: Verdict };
  /** Fitted per-task overhead of `parallel` without step recording, µs; NaN when not measured. */
  readonly untracedParallelOverheadUs: number;
  /** Sizes (units per task) whose figures were impossible for each subject. */
  readonly leftOutOfFit: Readonly<Record<DispatchMode, readonly number[]>> & { readonly [AA_SUBJECT]?: readonly number[] };
  /** The A/A twin was measured (`--aa`). */
  readonly aa: boolean;
}

/** Untraced parallel, for the fits and the bootstrap. */
const UNTRACED = 'untraced-parallel';
type CostKey = FittedSubject | typeof UNTRACED;

/** The estimates from costs: the costs themselves, what recording steps and the lab's instrumentation add, and the ratios (NaN unless the denominator is positive). */
function derive(c: Readonly<Partial<Record<CostKey, number>>>): Record<EstimateName, number> {
  const at = (key: CostKey): number => c[key] ?? Number.NaN;
  return {
    parallel: at('parallel'),
    hybrid: at('hybrid'),
    piscina: at('piscina'),
    piscinaAa: at(AA_SUBJECT),
    untracedParallel: at(UNTRACED),
    stepRecording: at('parallel') - at(UNTRACED),
    instrumentation: at('parallel') - at('piscina'),
    parallelVsPiscina: costRatio(at('parallel'), at('piscina')),
    hybridVsParallel: costRatio(at('hybrid'), at('parallel')),
    aaRatio: costRatio(at(AA_SUBJECT), at('piscina')),
  };
}

/**
 * Ideal times, per-task overheads, the fitted overheads (every subject on the same sizes) with their
 * bootstrap intervals, and the crossovers, from the measured sizes (smallest first).
 */
export function analyseGranularity(figures: readonly SizeFigures[], threads: number, cores: number, bootstrap: DispatchBootstrapOptions = {}): GranularityAnalysis {
  const usable = Math.min(threads, cores);
  const aa = figures.length > 0 && figures.every((f) => f.aaPiscina !== undefined);
  const own = (mode: DispatchMode): FitSubject<SizeFigures> => ({ mode, rowAt: (f) => rowOf(f.rows, mode) });
  const subjects: Partial<Record<FittedSubject, FitSubject<SizeFigures>>> = { parallel: own('parallel'), hybrid: own('hybrid'), piscina: own('piscina'), ...(aa && { [AA_SUBJECT]: { mode: 'piscina', rowAt: (f: SizeFigures) => f.aaPiscina! } }) };
  const { fits, fittedOn } = fitTogether(figures, subjects as Record<FittedSubject, FitSubject<SizeFigures>>, usable);
  const subjectKeys = Object.keys(subjects) as FittedSubject[];
  const series: Partial<Record<CostKey, (f: SizeFigures) => Series>> = Object.fromEntries(subjectKeys.map((k) => [k, subjects[k]!.rowAt]));
  if (figures.every((f) => f.untracedParallelMs !== undefined)) series[UNTRACED] = (f) => ({ medianMs: f.untracedParallelMs!, samples: f.untracedParallelSamples });
  const estimates = estimateCosts(
    figures.filter((f) => fittedOn.includes(f.unitsPerTask)),
    series as Record<CostKey, (f: SizeFigures) => Series>,
    usable,
    derive,
    bootstrap,
  );
  const sizes = figures.map((f, i): SizeAnalysis => {
    const impossible: Partial<Record<FittedSubject, string>> = {};
    for (const key of subjectKeys) {
      const reason = fits[key].impossible[i];
      if (reason !== undefined) impossible[key] = reason;
    }
    return {
      ...f,
      workPerTaskUs: (rowOf(f.rows, 'sequential').medianMs * 1000) / f.tasks,
      idealParallelMs: idealSplitMs(f, usable),
      overheadUs: { parallel: fits.parallel.overheadUs[i]!, hybrid: fits.hybrid.overheadUs[i]!, piscina: fits.piscina.overheadUs[i]!, ...(aa && { [AA_SUBJECT]: fits[AA_SUBJECT].overheadUs[i]! }) },
      impossible,
    };
  });
  const largest = sizes.reduce((a, b) => (b.unitsPerTask > a.unitsPerTask ? b : a));
  const parallelVsPiscina = pairedAtLargest(rowOf(largest.rows, 'parallel'), rowOf(largest.rows, 'piscina'));
  return {
    sizes,
    crossover: fits.parallel.crossover,
    piscinaCrossover: fits.piscina.crossover,
    fittedOverheadUs: { parallel: fits.parallel.dispatchUs, hybrid: fits.hybrid.dispatchUs, piscina: fits.piscina.dispatchUs },
    fittedSizes: fittedOn,
    estimates,
    usPerUnit: usPerUnitOf(figures),
    usable,
    parallelSpeedupVsPiscina: rowOf(largest.rows, 'piscina').medianMs / rowOf(largest.rows, 'parallel').medianMs,
    ...(parallelVsPiscina !== undefined && { parallelVsPiscina }),
    untracedParallelOverheadUs: estimates.untracedParallel.value,
    leftOutOfFit: { parallel: fits.parallel.leftOut, hybrid: fits.hybrid.leftOut, piscina: fits.piscina.leftOut, ...(aa && { [AA_SUBJECT]: fits[AA_SUBJECT].leftOut }) },
    aa,
  };
}

/** Piscina / parallel per round at the largest size, with the paired test; undefined without rounds both ran. */
function pairedAtLargest(parallel: DispatchRow, piscina: DispatchRow): GranularityAnalysis['parallelVsPiscina'] {
  if (parallel.samples === undefined || piscina.samples === undefined) return undefined;
  const paired = pairByRound(piscina.samples, parallel.samples);
  if (paired.a.length === 0) return undefined;
  return { interval: pairedRatioInterval(paired.a, paired.b), verdict: pairedVerdict(paired.b, paired.a) };
}

/** A target on the ratio of two fitted costs is met only when the ratio meets it and both costs are positive: a ratio of a negative cost meets nothing. */
export function overheadTargetMet(costUs: number, referenceUs: number, target: number): boolean {
  return costUs > 0 && referenceUs > 0 && costUs / referenceUs <= target;
}

/** Microseconds as µs, or as ms from a thousand on. */
export function us(value: number): string {
  if (Math.abs(value) >= 1000) return `${(value / 1000).toFixed(2)} ms`;
  return `${Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1)} µs`;
}

/** What batching did to the per-task cost, judged by the interval of hybrid / parallel fitted cost (its value alone without one). */
function batchingVerdict(ratio: Estimate): string {
  if (!clearlyBelow(ratio, 1)) return 'Batching did not measurably lower that cost here';
  return ratio.value < 0.5 ? 'Batching removed most of that cost' : 'Batching removed some of that cost';
}

/** Work per task at which a per-task cost is paid back by `usable` threads sharing the work (with the cost's interval carried over). */
function breakEvenUs(cost: Estimate, usable: number): Estimate {
  const at = (overheadUs: number): number => (usable > 1 ? (overheadUs * usable) / (usable - 1) : Number.POSITIVE_INFINITY);
  return { value: at(cost.value), low: at(cost.low), high: at(cost.high) };
}

/** Sentences from the analysis: where each pool starts to pay, what one task costs to hand out, what the lab's instrumentation adds, what batching saves; every comparison with its test. */
export function interpretGranularity(a: GranularityAnalysis, threads: number): string[] {
  const smallest = a.sizes[0]!;
  const largest = a.sizes[a.sizes.length - 1]!;
  const e = a.estimates;
  const at = (s: SizeAnalysis, mode: ModeName): DispatchRow => rowOf(s.rows, mode);
  const against = (s: SizeAnalysis, mode: ModeName): string => fasterOrSlower(at(s, mode).speedup, verdictAgainstSequential(s, at(s, mode)));
  const workAt = (units: number): string => us(a.sizes.find((s) => s.unitsPerTask === units)?.workPerTaskUs ?? units * a.usPerUnit);
  const fittedOver = a.fittedSizes.length === a.sizes.length ? 'all sizes' : a.fittedSizes.length === 0 ? 'no size: every one was impossible for some mode' : `${a.fittedSizes.join(', ')} units/task`;
  const fitNote = (x: Estimate): string => `fitted over ${fittedOver}${intervalClause(x, us)}`;
  const breakEven = breakEvenUs(e.parallel, a.usable);
  const plainBreakEven = breakEvenUs(e.piscina, a.usable);
  const hybridSmall = at(smallest, 'hybrid');
  const parallelSmall = at(smallest, 'parallel');
  const idealLargest = at(largest, 'sequential').medianMs / largest.idealParallelMs;
  const subjects: readonly FittedSubject[] = a.aa ? [...DISPATCH_MODES, AA_SUBJECT] : DISPATCH_MODES;
  const flagged = a.sizes.flatMap((s) => subjects.flatMap((mode) => (s.impossible[mode] === undefined ? [] : [{ workload: `${s.unitsPerTask} units/task`, mode, impossible: s.impossible[mode] }])));
  const leftOut = subjects.filter((mode) => (a.leftOutOfFit[mode]?.length ?? 0) > 0).map((mode) => `${mode} left out ${a.leftOutOfFit[mode]!.join(', ')} units/task`);
  const cause = baselineVsWorker(a.sizes.flatMap((s) => s.rows));
  const atSmallest = verdictAgainstSequential(smallest, parallelSmall);
  return [
    ...checksumWarning(a.sizes.flatMap((s) => [...s.rows, ...(s.aaPiscina === undefined ? [] : [{ ...s.aaPiscina, mode: AA_SUBJECT }])])),
    ...impossibleNotes(flagged, Number.isFinite(cause) ? cause : undefined),
    ...(leftOut.length === 0
      ? []
      : [`The fitted overheads leave the impossible points out (not clamped to zero): ${leftOut.join('; ')}. Every mode is fitted on the same sizes, those possible for all (${fittedOver}), so that their costs compare the same work.`]),
    `How small can a task be: ${crossoverPhrase(a.piscinaCrossover, `a plain Piscina pool on ${threads} threads`, workAt)}; it cost ${us(e.piscina.value)} of wall time per task (${fitNote(e.piscina)})` +
      (e.piscina.value > 0 && Number.isFinite(plainBreakEven.value) ? `, which predicts a break-even at ${withInterval(plainBreakEven, us)} of work per task.` : '.'),
    `The lab's traced parallel mode: ${crossoverPhrase(a.crossover, `parallel on ${threads} threads`, workAt)}; at ${us(largest.workPerTaskUs)} per task (ideal ${formatRatio(idealLargest)}) it was ${against(largest, 'parallel')}, ` +
      `at ${us(smallest.workPerTaskUs)} ${against(smallest, 'parallel')}.` +
      (at(largest, 'parallel').speedup < 0.75 * idealLargest
        ? ` Even the largest tasks reached only ${formatPercent(at(largest, 'parallel').speedup / idealLargest)} of the ideal: the cores were probably not free, so the crossover here is later than on a quiet machine.`
        : ''),
    `Each task handed to a worker by the lab's parallel mode cost about ${us(e.parallel.value)} of wall time (${fitNote(e.parallel)}; ${us(smallest.overheadUs.parallel)} at the smallest): ` +
      `a message to a worker and back, the task rebuilt and run under a scheduler with its steps recorded, and the pool's bookkeeping. ` +
      (!clearlyAbove(e.parallel, 0)
        ? `The fit found no cost measurably above zero${intervalKnown(e.parallel) ? ' (its interval reaches zero)' : ''}, so this run cannot place a break-even.`
        : Number.isFinite(breakEven.value)
          ? `With ${a.usable} threads able to run at once that predicts a break-even at ${withInterval(breakEven, us)} of work per task: below it, handing out work costs more than sharing it saves` +
            (atSmallest.state === 'slower' ? `, which is why one thread beat the pool on small tasks (measurably: ${fasterOrSlower(parallelSmall.speedup, atSmallest)} at ${us(smallest.workPerTaskUs)}).` : '.')
          : 'With one usable core, threads can only add that cost.'),
    instrumentationSentence(a),
    `${batchingVerdict(e.hybridVsParallel)}: hybrid sends each worker one message with its whole share, and paid about ${us(e.hybrid.value)} per task (fitted${intervalClause(e.hybrid, us)})` +
      (Number.isFinite(e.hybridVsParallel.value) ? `, ${withInterval(e.hybridVsParallel, formatRatio)} parallel's cost` : '') +
      '; ' +
      `at the smallest size it was ${comparedWith(parallelSmall.medianMs / hybridSmall.medianMs, 'parallel', verdictBetween(hybridSmall, parallelSmall))} and ${comparedWith(hybridSmall.speedup, 'sequential', verdictAgainstSequential(smallest, hybridSmall))}.`,
    ...aaSentences(a),
  ];
}

/** What the lab's instrumentation costs beyond the plain pool, and what recording steps costs, with intervals and the paired test at the largest size. */
function instrumentationSentence(a: GranularityAnalysis): string {
  const e = a.estimates;
  const paired = a.parallelVsPiscina;
  const atLargest =
    paired === undefined
      ? `at the largest size parallel reached ${formatPercent(a.parallelSpeedupVsPiscina)} of the plain pool's speedup.`
      : `at the largest size parallel reached ${formatPercent(a.parallelSpeedupVsPiscina)} of the plain pool's speedup (per round: 95% interval ${formatPercent(paired.interval.low)} to ${formatPercent(paired.interval.high)}; ` +
        `${comparedWith(a.parallelSpeedupVsPiscina, 'piscina', paired.verdict)}).`;
  return (
    `The cost of the lab's instrumentation: ${withInterval(e.instrumentation, us)} per task beyond the plain pool's ${us(e.piscina.value)} ` +
    `(parallel/piscina fitted overhead ${Number.isFinite(e.parallelVsPiscina.value) ? withInterval(e.parallelVsPiscina, formatRatio) : "none: the plain pool's fit is not above zero"}); ${atLargest}` +
    (Number.isNaN(e.untracedParallel.value)
      ? ''
      : ` Recording every step cost ${withInterval(e.stepRecording, us)} per task` +
        (intervalKnown(e.stepRecording) && !clearlyAbove(e.stepRecording, 0) && !clearlyBelow(e.stepRecording, 0) ? ', no cost measurably different from zero' : '') +
        `: parallel paid ${withInterval(e.untracedParallel, us)} per task with --no-steps (fitted alike).`)
  );
}

/** Under `--aa`: the twin's cost against piscina's, and whether the instrument shows a bias of its own. */
function aaSentences(a: GranularityAnalysis): string[] {
  if (!a.aa) return [];
  const e = a.estimates;
  const largest = a.sizes[a.sizes.length - 1]!;
  const twin = largest.aaPiscina!;
  const piscina = rowOf(largest.rows, 'piscina');
  const judged = !intervalKnown(e.aaRatio)
    ? 'No interval (too few rounds, or a fit not above zero): this A/A check cannot say whether the instrument is biased.'
    : e.aaRatio.low <= 1 && e.aaRatio.high >= 1
      ? 'Its interval includes 1: no bias of the instrument that this run can measure.'
      : 'Its interval excludes 1: the instrument itself moved one of two identical subjects by that much (run order, or the pool\'s state), so a difference of that size between modes is not theirs.';
  return [
    `A/A check: ${AA_SUBJECT}, a second identical piscina subject with its own place in the run order and its own runs on the same warm pool, ` +
      `cost ${withInterval(e.piscinaAa, us)} per task against piscina's ${us(e.piscina.value)}: a ratio of ${withInterval(e.aaRatio, formatRatio)}. ${judged} ` +
      `At the largest size it was ${comparedWith(piscina.medianMs / twin.medianMs, 'piscina', verdictBetween(twin, piscina))}.`,
  ];
}
