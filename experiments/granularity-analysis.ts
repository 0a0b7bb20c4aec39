import type { Crossover } from '../src/measure/crossover.ts';
import { fitOverheadPerTask } from '../src/measure/dispatch-overhead.ts';
import type { ModeName } from '../src/modes/index.ts';
import { baselineVsWorker } from '../src/report/cpu-cost.ts';
import { formatPercent, formatRatio } from '../src/report/format.ts';
import { impossibleNotes } from '../src/report/impossible-notes.ts';
import { comparedWith, fasterOrSlower } from '../src/experiment/compared-with.ts';
import { rowOf, type ModeFigures } from '../src/experiment/mode-rows.ts';
import { fitDispatch, idealSplitMs, usPerUnitOf } from '../src/experiment/dispatch-fit.ts';
import { checksumWarning } from '../src/report/checksum-warning.ts';

/** One task size, measured in every mode. */
export interface SizeFigures {
  readonly unitsPerTask: number;
  readonly tasks: number;
  readonly rows: readonly ModeFigures[];
  /** Median of `parallel` measured with `--no-steps` (no step recording), when measured. */
  readonly untracedParallelMs?: number;
}

/** The modes whose per-task dispatch cost the sweep fits: the lab's traced parallel, its batches, and the plain pool. */
export const DISPATCH_MODES = ['parallel', 'hybrid', 'piscina'] as const satisfies readonly ModeName[];
export type DispatchMode = (typeof DISPATCH_MODES)[number];

/** What a size tells once compared with the ideal: parallel = sequential / usable threads, spread by whole tasks. */
export interface SizeAnalysis extends SizeFigures {
  readonly workPerTaskUs: number;
  readonly idealParallelMs: number;
  /** (measured - ideal) / tasks, µs, per dispatching mode. */
  readonly overheadUs: Readonly<Record<DispatchMode, number>>;
  /** Why a mode's figures at this size are impossible (superlinear, or a negative overhead beyond its interval); such sizes stay out of the fits. */
  readonly impossible: Readonly<Partial<Record<DispatchMode, string>>>;
}

export interface GranularityAnalysis {
  readonly sizes: readonly SizeAnalysis[];
  /** Where the lab's traced parallel starts to beat sequential, and where the plain pool does. */
  readonly crossover: Crossover;
  readonly piscinaCrossover: Crossover;
  /** Per-task cost fitted over all sizes, µs of wall time, by one method for every mode. */
  readonly fittedOverheadUs: Readonly<Record<DispatchMode, number>>;
  /** Microseconds of kernel work in one unit, from the sequential run of the largest tasks. */
  readonly usPerUnit: number;
  /** Threads that can run at once: min(threads, cores). */
  readonly usable: number;
  /** Piscina's median / parallel's at the largest size: parallel's speedup as a share of the plain pool's. */
  readonly parallelSpeedupVsPiscina: number;
  /** Fitted per-task overhead of `parallel` without step recording, µs; NaN when not measured. */
  readonly untracedParallelOverheadUs: number;
  /** Sizes (units per task) each fit left out because their figures were impossible. */
  readonly leftOutOfFit: Readonly<Record<DispatchMode, readonly number[]>>;
}

/** Ideal times, per-task overheads, the fitted overheads and the crossovers, from the measured sizes (smallest first). */
export function analyseGranularity(figures: readonly SizeFigures[], threads: number, cores: number): GranularityAnalysis {
  const usable = Math.min(threads, cores);
  const fits = { parallel: fitDispatch(figures, 'parallel', usable), hybrid: fitDispatch(figures, 'hybrid', usable), piscina: fitDispatch(figures, 'piscina', usable) };
  const sizes = figures.map((f, i): SizeAnalysis => {
    const impossible: Partial<Record<DispatchMode, string>> = {};
    for (const mode of DISPATCH_MODES) {
      const reason = fits[mode].impossible[i];
      if (reason !== undefined) impossible[mode] = reason;
    }
    return {
      ...f,
      workPerTaskUs: (rowOf(f.rows, 'sequential').medianMs * 1000) / f.tasks,
      idealParallelMs: idealSplitMs(f, usable),
      overheadUs: { parallel: fits.parallel.overheadUs[i]!, hybrid: fits.hybrid.overheadUs[i]!, piscina: fits.piscina.overheadUs[i]! },
      impossible,
    };
  });
  const largest = sizes.reduce((a, b) => (b.unitsPerTask > a.unitsPerTask ? b : a));
  return {
    sizes,
    crossover: fits.parallel.crossover,
    piscinaCrossover: fits.piscina.crossover,
    fittedOverheadUs: { parallel: fits.parallel.dispatchUs, hybrid: fits.hybrid.dispatchUs, piscina: fits.piscina.dispatchUs },
    usPerUnit: usPerUnitOf(figures),
    usable,
    parallelSpeedupVsPiscina: rowOf(largest.rows, 'piscina').medianMs / rowOf(largest.rows, 'parallel').medianMs,
    untracedParallelOverheadUs: sizes.every((s) => s.untracedParallelMs !== undefined)
      ? fitOverheadPerTask(sizes.map((s) => ({ tasks: s.tasks, extraMs: s.untracedParallelMs! - s.idealParallelMs }))) * 1000
      : Number.NaN,
    leftOutOfFit: { parallel: fits.parallel.leftOut, hybrid: fits.hybrid.leftOut, piscina: fits.piscina.leftOut },
  };
}

/** Microseconds as µs, or as ms from a thousand on. */
export function us(value: number): string {
  if (Math.abs(value) >= 1000) return `${(value / 1000).toFixed(2)} ms`;
  return `${Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1)} µs`;
}

function batchingVerdict(hybridShareOfParallelCost: number): string {
  if (hybridShareOfParallelCost < 0.5) return 'Batching removed most of that cost';
  if (hybridShareOfParallelCost < 1) return 'Batching removed some of that cost';
  return 'Batching did not lower that cost here';
}

/** "slower below about 220 µs of work per task (...) and faster above it", or never/always, for one mode's crossover. */
function crossoverPhrase(c: Crossover, who: string, a: GranularityAnalysis): string {
  const smallest = a.sizes[0]!;
  const largest = a.sizes[a.sizes.length - 1]!;
  return c.state === 'crossed'
    ? `${who} was slower than sequential below about ${us(c.size * a.usPerUnit)} of work per task ` +
        `(${c.size.toFixed(0)} units, interpolated between ${c.below} and ${c.above}) and faster above it` +
        (c.laterDips.length === 0 ? '' : ` (except at ${c.laterDips.join(', ')} units, where it dipped below sequential again: noise from a busy machine, or tasks too few to share evenly)`)
    : c.state === 'always-faster'
      ? `${who} was faster than sequential at every size, even ${us(smallest.workPerTaskUs)} of work per task: the crossover is below the smallest size`
      : `${who} was slower than sequential at every size, even ${us(largest.workPerTaskUs)} of work per task: the crossover is above the largest size`;
}

/** Work per task at which a per-task cost is paid back by `usable` threads sharing the work. */
function breakEvenUs(overheadUs: number, usable: number): number {
  return usable > 1 ? (overheadUs * usable) / (usable - 1) : Number.POSITIVE_INFINITY;
}

/** Sentences from the analysis: where each pool starts to pay, what one task costs to hand out, what the lab's instrumentation adds, what batching saves. */
export function interpretGranularity(a: GranularityAnalysis, threads: number): string[] {
  const smallest = a.sizes[0]!;
  const largest = a.sizes[a.sizes.length - 1]!;
  const parallelAt = (s: SizeAnalysis): ModeFigures => rowOf(s.rows, 'parallel');
  const fit = a.fittedOverheadUs;
  const breakEven = breakEvenUs(fit.parallel, a.usable);
  const plainBreakEven = breakEvenUs(fit.piscina, a.usable);
  const hybridSmall = rowOf(smallest.rows, 'hybrid');
  const idealLargest = rowOf(largest.rows, 'sequential').medianMs / largest.idealParallelMs;
  const instrumentationUs = fit.parallel - fit.piscina;
  const flagged = a.sizes.flatMap((s) => DISPATCH_MODES.flatMap((mode) => (s.impossible[mode] === undefined ? [] : [{ workload: `${s.unitsPerTask} units/task`, mode, impossible: s.impossible[mode] }])));
  const leftOut = DISPATCH_MODES.filter((mode) => a.leftOutOfFit[mode].length > 0).map((mode) => `${mode} left out ${a.leftOutOfFit[mode].join(', ')} units/task`);
  const cause = baselineVsWorker(a.sizes.flatMap((s) => s.rows));
  return [
    ...checksumWarning(a.sizes.flatMap((s) => s.rows)),
    ...impossibleNotes(flagged, Number.isFinite(cause) ? cause : undefined),
    ...(leftOut.length === 0 ? [] : [`The fitted overheads leave the impossible points out (not clamped to zero): ${leftOut.join('; ')}.`]),
    `How small can a task be: ${crossoverPhrase(a.piscinaCrossover, `a plain Piscina pool on ${threads} threads`, a)}; ` +
      `it cost ${us(fit.piscina)} of wall time per task (fitted over all sizes)` +
      (fit.piscina > 0 && Number.isFinite(plainBreakEven) ? `, which predicts a break-even at ${us(plainBreakEven)} of work per task.` : '.'),
    `The lab's traced parallel mode: ${crossoverPhrase(a.crossover, `parallel on ${threads} threads`, a)}; at ${us(largest.workPerTaskUs)} per task it was ${fasterOrSlower(parallelAt(largest).speedup)} (ideal ${formatRatio(idealLargest)}), ` +
      `at ${us(smallest.workPerTaskUs)} ${fasterOrSlower(parallelAt(smallest).speedup)}.` +
      (parallelAt(largest).speedup < 0.75 * idealLargest
        ? ` Even the largest tasks reached only ${formatPercent(parallelAt(largest).speedup / idealLargest)} of the ideal: the cores were probably not free, so the crossover here is later than on a quiet machine.`
        : ''),
    `Each task handed to a worker by the lab's parallel mode cost about ${us(fit.parallel)} of wall time (fitted over all sizes; ${us(smallest.overheadUs.parallel)} at the smallest): ` +
      `a message to a worker and back, the task rebuilt and run under a scheduler with its steps recorded, and the pool's bookkeeping. ` +
      (fit.parallel <= 0
        ? 'The fit found no cost above the noise, so this run cannot place a break-even.'
        : Number.isFinite(breakEven)
          ? `With ${a.usable} threads able to run at once that predicts a break-even at ${us(breakEven)} of work per task: below it, handing out work costs more than sharing it saves` +
            (parallelAt(smallest).speedup < 1 ? ', which is why one thread beat the pool on small tasks.' : '.')
          : 'With one usable core, threads can only add that cost.'),
    `The cost of the lab's instrumentation: ${us(instrumentationUs)} per task beyond the plain pool's ${us(fit.piscina)} ` +
      `(parallel/piscina fitted overhead ${formatRatio(fit.piscina > 0 ? fit.parallel / fit.piscina : Number.NaN)}); ` +
      `at the largest size parallel reached ${formatPercent(a.parallelSpeedupVsPiscina)} of the plain pool's speedup.` +
      (Number.isNaN(a.untracedParallelOverheadUs)
        ? ''
        : ` Recording every step cost ${us(fit.parallel - a.untracedParallelOverheadUs)} per task: parallel paid ${us(a.untracedParallelOverheadUs)} per task with --no-steps (fitted alike).`),
    `${batchingVerdict(fit.hybrid / fit.parallel)}: hybrid sends each worker one message with its whole share, and paid about ${us(fit.hybrid)} per task (fitted); ` +
      `at the smallest size it was ${comparedWith(parallelAt(smallest).medianMs / hybridSmall.medianMs, 'parallel')} and ${comparedWith(hybridSmall.speedup, 'sequential')}.`,
  ];
}
