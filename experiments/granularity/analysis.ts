import type { Crossover } from '../../src/measure/crossover.ts';
import { pairedRatioInterval, type RatioInterval } from '../../src/measure/ratio-interval.ts';
import { pairByRound, type Sample } from '../../src/measure/samples.ts';
import { pairedVerdict, type Verdict } from '../../src/measure/verdict.ts';
import type { ModeName } from '../../src/modes/index.ts';
import { rowOf } from '../../src/experiment/mode-rows.ts';
import { fitTogether, idealSplitMs, usPerUnitOf, type DispatchRow, type FitSubject } from '../../src/experiment/dispatch-fit.ts';
import { costRatio, estimateCosts, type DispatchBootstrapOptions, type Estimate, type Series } from '../../src/experiment/dispatch-intervals.ts';

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
