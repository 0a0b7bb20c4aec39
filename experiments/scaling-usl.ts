import { bootstrapUsl, fitUsl, uslSpeedup, type Interval, type UslFit, type UslIntervals } from '../src/measure/usl.ts';
import { formatPercent, formatRatio } from '../src/report/format.ts';
import type { ScalingRow } from './scaling-analysis.ts';

/** Thread counts up to the cores that a Universal Scalability Law fit wants before it describes the code rather than the machine. */
export const USL_POINTS_WANTED = 6;

/** What the USL makes of the scaling rows: the fit, its intervals, and what was fitted. */
export interface UslAnalysis {
  readonly fit: UslFit | undefined;
  readonly intervals: UslIntervals | undefined;
  readonly cores: number;
  /** Thread counts fitted: those up to the cores when there are enough of them, else every possible one. */
  readonly fitted: readonly number[];
  /** Measured (and possible) thread counts up to the cores. */
  readonly upToCores: number;
  /** `--predict N`, with the model's speedup there, or why there is none. */
  readonly prediction?: { readonly threads: number; readonly speedup?: number; readonly interval?: Interval; readonly refused?: string };
}

export type UslFacts = {
  readonly uslSigma: number;
  readonly uslSigmaLow: number;
  readonly uslSigmaHigh: number;
  readonly uslKappa: number;
  readonly uslKappaLow: number;
  readonly uslKappaHigh: number;
  /** Infinity (null in JSON) when κ = 0: the fitted curve never peaks. */
  readonly uslPeakN: number;
  readonly uslPeakNLow: number;
  readonly uslPeakNHigh: number;
  readonly uslRmsError: number;
  readonly uslFitPoints: number;
  readonly uslFitThreadsMax: number;
  /** 1 when the fit used only thread counts up to the cores (at least six of them), 0 for a demonstration. */
  readonly uslFitWithinCores: number;
};

/** Why `--predict` is refused for a sweep with `upToCores` thread counts up to the cores, or undefined when it may predict. */
export function predictionRefusal(upToCores: number, cores: number): string | undefined {
  if (upToCores >= USL_POINTS_WANTED) return undefined;
  return (
    `--predict needs a USL fit on at least ${USL_POINTS_WANTED} thread counts up to the cores; ` +
    `this machine has ${cores} core${cores === 1 ? '' : 's'}, so the sweep has ${upToCores}: a fit here is a demonstration, not a model to predict from`
  );
}

/**
 * Fits the USL to the scaling rows (possible points only) and bootstraps its intervals over the
 * repeats. With at least six thread counts up to the cores it fits those; with fewer it fits every
 * measured count, past the cores too, and says that such a fit describes the machine's time-sharing.
 */
export function analyseUsl(rows: readonly ScalingRow[], cores: number, predict?: number): UslAnalysis {
  const possible = rows.filter((r) => r.impossible === undefined);
  const upToCores = possible.filter((r) => r.threads <= cores);
  const within = upToCores.length >= USL_POINTS_WANTED;
  const fitted = within ? upToCores : possible;
  const fit = fitUsl(fitted.map((r) => ({ threads: r.threads, speedup: r.speedup })));
  const base = rows.find((r) => r.threads === 1);
  const repeated = fitted.every((r) => r.samples !== undefined) && base?.samples !== undefined;
  const wallMs = (r: ScalingRow): number[] => (r.samples ?? []).map((s) => s.wallMs);
  const refused = predict === undefined ? undefined : predictionRefusal(upToCores.length, cores);
  const predictAt = predict !== undefined && refused === undefined ? predict : undefined;
  const intervals =
    fit !== undefined && repeated
      ? bootstrapUsl({ threads: 1, wallMs: wallMs(base) }, fitted.map((r) => ({ threads: r.threads, wallMs: wallMs(r) })), { ...(predictAt !== undefined && { predictAt }) })
      : undefined;
  const prediction =
    predict === undefined
      ? undefined
      : refused !== undefined || fit === undefined
        ? { threads: predict, refused: refused ?? 'the fit failed' }
        : { threads: predict, speedup: uslSpeedup(fit.sigma, fit.kappa, predict), ...(intervals?.predicted !== undefined && { interval: intervals.predicted }) };
  return { fit, intervals, cores, fitted: fitted.map((r) => r.threads), upToCores: upToCores.length, ...(prediction !== undefined && { prediction }) };
}

/** The facts of the fit (NaN throughout when there was none). */
export function uslFacts(a: UslAnalysis): UslFacts {
  const { fit, intervals } = a;
  const or = (v: number | undefined): number => v ?? Number.NaN;
  return {
    uslSigma: or(fit?.sigma),
    uslSigmaLow: or(intervals?.sigma.low),
    uslSigmaHigh: or(intervals?.sigma.high),
    uslKappa: or(fit?.kappa),
    uslKappaLow: or(intervals?.kappa.low),
    uslKappaHigh: or(intervals?.kappa.high),
    uslPeakN: or(fit?.peakN),
    uslPeakNLow: or(intervals?.peakN.low),
    uslPeakNHigh: or(intervals?.peakN.high),
    uslRmsError: or(fit?.rmsError),
    uslFitPoints: a.fitted.length,
    uslFitThreadsMax: Math.max(...a.fitted),
    uslFitWithinCores: a.upToCores >= USL_POINTS_WANTED ? 1 : 0,
  };
}

const interval = (i: Interval | undefined, format: (v: number) => string): string => (i === undefined ? '' : ` [${format(i.low)}-${format(i.high)}]`);
const share = (v: number): string => formatPercent(v);
const peak = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '∞');

/** Where the fitted curve peaks, in words: a peak below one thread means more threads never helped. */
function peakPhrase(n: number, range: Interval | undefined): string {
  if (!Number.isFinite(n)) return `so speedup would never peak (κ = 0, N* = ∞${interval(range, peak)})`;
  if (n < 1) return `so the fitted curve never rises above one thread: in this run more threads never helped (N* = ${peak(n)}${interval(range, peak)})`;
  return `so speedup would peak at N* = ${peak(n)}${interval(range, peak)} threads`;
}

/** Sentences from the fit: σ, κ and the peak with their intervals, what the points measured, what the machine allows, and the prediction. */
export function interpretUsl(a: UslAnalysis): string[] {
  const { fit, intervals, cores } = a;
  const notes: string[] = [];
  if (fit === undefined) {
    notes.push(`The Universal Scalability Law needs at least 3 thread counts to fit; this run measured ${a.fitted.length} possible ones.`);
  } else {
    const past = a.fitted.filter((n) => n > cores).length;
    notes.push(
      `The Universal Scalability Law, S(N) = N / (1 + σ(N−1) + κN(N−1)), fitted by nonlinear least squares to ${a.fitted.length} thread counts (1-${Math.max(...a.fitted)}): ` +
        `contention σ = ${share(fit.sigma)}${interval(intervals?.sigma, share)}, coherency κ = ${fit.kappa.toPrecision(2)}${interval(intervals?.kappa, (v) => v.toPrecision(2))}, ` +
        `${peakPhrase(fit.peakN, intervals?.peakN)} (rms error ${fit.rmsError.toFixed(3)}` +
        `${intervals === undefined ? '' : `; 95% intervals from a seeded bootstrap over the repeats, ${intervals.resamples} resamples`}).` +
        (past > 0
          ? ` ${past} of those thread counts lie past the ${cores} cores, where they measure oversubscription (threads taking turns on the cores), not contention: this fit describes this machine's time-sharing, not the code's scalability.`
          : ''),
    );
  }
  if (cores < USL_POINTS_WANTED) {
    notes.push(
      `This machine has ${cores} core${cores === 1 ? '' : 's'}: a USL fit wants at least ${USL_POINTS_WANTED} thread counts up to the cores, so the fit above is a demonstration; the real one needs a machine with more cores.`,
    );
  }
  const p = a.prediction;
  if (p !== undefined) {
    notes.push(
      p.speedup === undefined
        ? `No prediction at ${p.threads} threads: ${p.refused}.`
        : `Model, not a measurement: the USL fitted to 1-${Math.max(...a.fitted)} threads predicts a speedup of ${formatRatio(p.speedup)}${interval(p.interval, formatRatio)} at ${p.threads} threads; nothing was run at ${p.threads} threads.`,
    );
  }
  return notes;
}
