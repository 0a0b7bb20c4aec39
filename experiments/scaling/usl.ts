import { bootstrapUsl, fitUsl, runsPerSecond, uslSpeedup, type Interval, type UslFit, type UslIntervals } from '../../src/measure/usl.ts';
import { formatCount, formatPercent, formatRatio } from '../../src/report/format.ts';
import type { ScalingRow } from './analysis.ts';

/** Thread counts up to the cores that a Universal Scalability Law fit wants before it describes the code rather than the machine. */
export const USL_POINTS_WANTED = 6;

/** A measured thread count that the fit left out, and why. */
export interface UslLeftOut {
  readonly threads: number;
  readonly why: 'impossible' | 'past the cores';
}

/** What the USL makes of the scaling rows: the fit, its intervals, and what was fitted. */
export interface UslAnalysis {
  /** λ in runs per second: the fit is to throughput, 1000 / median wall ms of the same total work. */
  readonly fit: UslFit | undefined;
  readonly intervals: UslIntervals | undefined;
  readonly cores: number;
  /** Thread counts fitted: those up to the cores when there are enough of them, else every possible one. */
  readonly fitted: readonly number[];
  /** Measured thread counts the fit left out: impossible ones, and those past the cores when the fit keeps to the cores. */
  readonly leftOut: readonly UslLeftOut[];
  /** The measured one-thread throughput, runs per second (from the one-thread median). */
  readonly oneThreadThroughput: number;
  /** Measured (and possible) thread counts up to the cores. */
  readonly upToCores: number;
  /** `--predict N`, with the model's speedup over λ there, or why there is none. */
  readonly prediction?: { readonly threads: number; readonly speedup?: number; readonly interval?: Interval; readonly refused?: string };
}

export type UslFacts = {
  readonly uslSigma: number;
  readonly uslSigmaLow: number;
  readonly uslSigmaHigh: number;
  readonly uslKappa: number;
  readonly uslKappaLow: number;
  readonly uslKappaHigh: number;
  /** The fitted one-thread throughput λ, runs per second (compare `oneThreadMs`: 1000 / oneThreadMs is the measured one). */
  readonly uslLambda: number;
  readonly uslLambdaLow: number;
  readonly uslLambdaHigh: number;
  /** Infinity (null in JSON) when κ = 0: the fitted curve never peaks. */
  readonly uslPeakN: number;
  readonly uslPeakNLow: number;
  readonly uslPeakNHigh: number;
  /** Root mean square misfit of the throughputs over λ, in units of speedup over λ. */
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
 * Fits the USL, λ free, to the throughput of the scaling rows (possible points only: 1000 /
 * median ms, runs per second of the same total work) and bootstraps its intervals over the
 * repeats. With at least six thread counts up to the cores it fits those; with fewer it fits every
 * measured count, past the cores too, and says that such a fit describes the machine's time-sharing.
 */
export function analyseUsl(rows: readonly ScalingRow[], cores: number, predict?: number): UslAnalysis {
  const possible = rows.filter((r) => r.impossible === undefined);
  const upToCores = possible.filter((r) => r.threads <= cores);
  const within = upToCores.length >= USL_POINTS_WANTED;
  const fitted = within ? upToCores : possible;
  const leftOut = rows.filter((r) => !fitted.includes(r)).map((r): UslLeftOut => ({ threads: r.threads, why: r.impossible !== undefined ? 'impossible' : 'past the cores' }));
  const fit = fitUsl(fitted.map((r) => ({ threads: r.threads, throughput: runsPerSecond(r.medianMs) })));
  const base = rows.find((r) => r.threads === 1);
  const repeated = fitted.every((r) => r.samples !== undefined);
  const refused = predict === undefined ? undefined : predictionRefusal(upToCores.length, cores);
  const predictAt = predict !== undefined && refused === undefined ? predict : undefined;
  const intervals =
    fit !== undefined && repeated
      ? bootstrapUsl(fitted.map((r) => ({ threads: r.threads, wallMs: (r.samples ?? []).map((s) => s.wallMs) })), { ...(predictAt !== undefined && { predictAt }) })
      : undefined;
  const prediction =
    predict === undefined
      ? undefined
      : refused !== undefined || fit === undefined
        ? { threads: predict, refused: refused ?? 'the fit failed' }
        : { threads: predict, speedup: uslSpeedup(fit.sigma, fit.kappa, predict), ...(intervals?.predicted !== undefined && { interval: intervals.predicted }) };
  return {
    fit,
    intervals,
    cores,
    fitted: fitted.map((r) => r.threads),
    leftOut,
    oneThreadThroughput: base === undefined ? Number.NaN : runsPerSecond(base.medianMs),
    upToCores: upToCores.length,
    ...(prediction !== undefined && { prediction }),
  };
}

/** A fitted parameter as three facts: its value, and the two ends of its bootstrap interval. */
type FactWithInterval<Name extends string> = { readonly [K in Name | `${Name}Low` | `${Name}High`]: number };

/** NaN stands for a value the fit, or an interval the bootstrap, did not give. */
function factWithInterval<Name extends string>(name: Name, value: number | undefined, range: Interval | undefined): FactWithInterval<Name> {
  // Computed keys widen to string in TypeScript; the three built here are exactly FactWithInterval's.
  return { [name]: value ?? Number.NaN, [`${name}Low`]: range?.low ?? Number.NaN, [`${name}High`]: range?.high ?? Number.NaN } as FactWithInterval<Name>;
}

/** The facts of the fit (NaN throughout when there was none). */
export function uslFacts(a: UslAnalysis): UslFacts {
  const { fit, intervals } = a;
  return {
    ...factWithInterval('uslSigma', fit?.sigma, intervals?.sigma),
    ...factWithInterval('uslKappa', fit?.kappa, intervals?.kappa),
    ...factWithInterval('uslLambda', fit?.lambda, intervals?.lambda),
    ...factWithInterval('uslPeakN', fit?.peakN, intervals?.peakN),
    uslRmsError: fit?.rmsError ?? Number.NaN,
    uslFitPoints: a.fitted.length,
    uslFitThreadsMax: Math.max(...a.fitted),
    uslFitWithinCores: a.upToCores >= USL_POINTS_WANTED ? 1 : 0,
  };
}

/** λ over the measured one-thread throughput: the fitted curve's height at one thread on a chart of speedups over the measured one thread. */
export function uslRelativeLambda(a: UslAnalysis): number | undefined {
  return a.fit === undefined ? undefined : a.fit.lambda / a.oneThreadThroughput;
}

const interval = (i: Interval | undefined, format: (v: number) => string): string => (i === undefined ? '' : ` [${format(i.low)}-${format(i.high)}]`);
const share = (v: number): string => formatPercent(v);
const peak = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '∞');
const rate = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toPrecision(3));
const threadList = (ns: readonly number[]): string => `${ns.join(', ')} thread${ns.length === 1 && ns[0] === 1 ? '' : 's'}`;

/** Where the fitted curve peaks, in words: a peak below one thread means more threads never helped. */
function peakPhrase(n: number, range: Interval | undefined): string {
  if (!Number.isFinite(n)) return `so speedup would never peak (κ = 0, N* = ∞${interval(range, peak)})`;
  if (n < 1) return `so the fitted curve never rises above one thread: in this run more threads never helped (N* = ${peak(n)}${interval(range, peak)})`;
  return `so speedup would peak at N* = ${peak(n)}${interval(range, peak)} threads`;
}

/**
 * How far the measured one-thread throughput lies from the fitted λ (and whether inside λ's bootstrap
 * interval), and what that does to the curve drawn over the measured speedups: it starts at λ over
 * the measured throughput, with that interval carried over.
 */
function lambdaNote(measured: number, lambda: number, range: Interval | undefined): string {
  const gap = measured / lambda - 1;
  const head = `The measured one-thread throughput, ${rate(measured)} runs/s,`;
  if (Math.abs(gap) < 0.0005) return `${head} equals the fitted λ (within 0.05%).`;
  const where =
    range === undefined ? '' : `, ${measured >= range.low && measured <= range.high ? 'inside' : 'outside'} λ's 95% bootstrap interval [${rate(range.low)}-${rate(range.high)}] runs/s`;
  const start =
    range === undefined
      ? `${formatRatio(lambda / measured)}, untested: no repeats were kept to bootstrap`
      : `${formatRatio(lambda / measured)} [${(range.low / measured).toFixed(2)}-${(range.high / measured).toFixed(2)}] (λ's interval over the measured throughput)`;
  return (
    `${head} is ${formatPercent(Math.abs(gap))} ${gap < 0 ? 'below' : 'above'} the fitted λ${where}, ` +
    `so the USL column and curve (λ·S(N) over the measured one thread, like the other speedups) start at ${start}.`
  );
}

/** Sentences from the fit: λ, σ, κ and the peak with their intervals, what was left out, what the points measured, what the machine allows, and the prediction. */
export function interpretUsl(a: UslAnalysis): string[] {
  const { fit, intervals, cores } = a;
  const notes: string[] = [];
  if (fit === undefined) {
    notes.push(`The Universal Scalability Law needs at least 3 thread counts to fit; this run measured ${a.fitted.length} possible ones.`);
  } else {
    const past = a.fitted.filter((n) => n > cores).length;
    notes.push(
      `The Universal Scalability Law, X(N) = λN / (1 + σ(N−1) + κN(N−1)), fitted by nonlinear least squares to the throughput (runs per second) of ${a.fitted.length} thread counts (1-${Math.max(...a.fitted)}), λ free: ` +
        `one-thread throughput λ = ${rate(fit.lambda)}${interval(intervals?.lambda, rate)} runs/s, ` +
        `contention σ = ${share(fit.sigma)}${interval(intervals?.sigma, share)}, coherency κ = ${fit.kappa.toPrecision(2)}${interval(intervals?.kappa, (v) => v.toPrecision(2))}, ` +
        `${peakPhrase(fit.peakN, intervals?.peakN)} (rms error ${fit.rmsError.toFixed(3)} in speedup over λ` +
        `${intervals === undefined ? '' : `; 95% intervals from a seeded bootstrap over the repeats, ${intervals.resamples} resamples, each refitted as carefully as the full fit`}).` +
        (past > 0
          ? ` ${past} of those thread counts lie past the ${formatCount(cores, 'core')}, where they measure oversubscription (threads taking turns on the cores), not contention: this fit describes this machine's time-sharing, not the code's scalability.`
          : ''),
    );
    notes.push(lambdaNote(a.oneThreadThroughput, fit.lambda, intervals?.lambda));
    const bounds = intervals === undefined ? [] : (['sigma', 'kappa'] as const).filter((k) => intervals.atZero[k] > 0);
    for (const k of bounds) {
      const name = k === 'sigma' ? 'contention σ' : 'coherency κ';
      notes.push(
        `${name[0]!.toUpperCase()}${name.slice(1)} ended on its bound 0 in ${intervals!.atZero[k]} of ${intervals!.resamples} refits${fit[k] === 0 ? ' and in the fit of the medians' : ''}: there the data pull it below zero, which the law does not allow, so a 0 in its interval is the bound, not a measured zero.`,
      );
    }
  }
  if (a.leftOut.length > 0) {
    const impossible = a.leftOut.filter((p) => p.why === 'impossible').map((p) => p.threads);
    const past = a.leftOut.filter((p) => p.why === 'past the cores').map((p) => p.threads);
    const parts = [...(impossible.length > 0 ? [`${threadList(impossible)} (impossible, not clamped)`] : []), ...(past.length > 0 ? [`${threadList(past)} (past the ${formatCount(cores, 'core')}, where threads take turns)`] : [])];
    notes.push(`The USL fit leaves out ${parts.join(' and ')}.`);
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
        : `Model, not a measurement: the USL fitted to 1-${Math.max(...a.fitted)} threads predicts a speedup over λ of ${formatRatio(p.speedup)}${interval(p.interval, formatRatio)} at ${p.threads} threads; nothing was run at ${p.threads} threads.`,
    );
  }
  return notes;
}
