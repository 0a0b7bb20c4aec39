import { amdahlSpeedup, fitAmdahl, type AmdahlFit } from '../../src/measure/amdahl.ts';
import { impossibleSpeedup } from '../../src/measure/impossible-figures.ts';
import { karpFlatt } from '../../src/measure/karp-flatt.ts';
import { bootstrapRatioInterval, type RatioMethod } from '../../src/measure/ratio-interval.ts';
import type { Sample } from '../../src/measure/samples.ts';
import { efficiency, speedup } from '../../src/measure/speedup.ts';
import { bootstrapAmdahl, type AmdahlIntervals } from '../../src/experiment/amdahl-interval.ts';
import { idealCpuSpeedup } from '../../src/experiment/dispatch-fit.ts';

/** One thread count, measured. */
export interface ScalingPoint {
  readonly threads: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly checksumOk: boolean;
  /** The same work on a plain Piscina pool of as many threads (the `piscina` mode), when measured. */
  readonly piscinaMedianMs?: number;
  /** The median's order-statistic interval (absent in hand-built points). */
  readonly medianLowMs?: number;
  readonly medianHighMs?: number;
  readonly medianCoverage?: number;
  /** Every timed repeat of this thread count, with its round within its own block. */
  readonly samples?: readonly Sample[];
}

/** One row of the scaling table and of `--json`: what a chart of speedup against threads needs. */
export interface ScalingRow extends ScalingPoint {
  /** T(1) / T(n), both on the worker pool. */
  readonly speedup: number;
  readonly efficiency: number;
  /** The best equal tasks allow on min(n, cores) cores. */
  readonly idealSpeedup: number;
  /** Amdahl's law with the fitted serial fraction, at n (capped at the cores: threads past them share cores). */
  readonly amdahlSpeedup: number;
  /** The Karp-Flatt serial fraction at n; null for one thread, where it is undefined. */
  readonly karpFlatt: number | null;
  readonly beyondCores: boolean;
  /** 95% interval of the speedup: a seeded bootstrap, since each thread count was timed in its own block (no rounds to pair). */
  readonly speedupLow?: number;
  readonly speedupHigh?: number;
  readonly speedupMethod?: RatioMethod;
  /** Why this speedup is impossible for CPU-bound work (above the usable cores beyond its interval); such points stay out of the Amdahl fit. */
  readonly impossible?: string;
}

export interface ScalingAnalysis {
  readonly rows: readonly ScalingRow[];
  /** Fitted on the counts up to the cores, where Amdahl's model of n processors holds; undefined with one core. */
  readonly fit: AmdahlFit | undefined;
  /** The fit's 95% bootstrap intervals over the repeats; absent without repeats to resample. */
  readonly fitIntervals?: AmdahlIntervals;
  readonly cores: number;
}

/** Speedups, efficiencies, the Amdahl fit and the Karp-Flatt fractions of measured points (the first must be one thread). */
export function analyseScaling(points: readonly ScalingPoint[], tasks: number, cores: number): ScalingAnalysis {
  const base = points.find((p) => p.threads === 1);
  if (base === undefined) throw new RangeError('scaling needs a one-thread point as its baseline');
  const measured = points.map((p) => {
    const s = speedup(base.medianMs, p.medianMs);
    const interval =
      base.samples !== undefined && p.samples !== undefined
        ? bootstrapRatioInterval(base.samples.map((x) => x.wallMs), p.samples.map((x) => x.wallMs), p.threads)
        : undefined;
    // The work is CPU-bound: more speed than usable cores, beyond the interval, is impossible and stays out of the fit.
    const impossible =
      interval === undefined || p.threads === 1
        ? undefined
        : impossibleSpeedup({
            mode: `${p.threads} threads`,
            baseline: '1 thread',
            threads: p.threads,
            baselineThreads: 1,
            speedup: s,
            speedupLow: interval.low,
            repeats: Math.min(p.samples?.length ?? 0, base.samples?.length ?? 0),
            cores,
            cpuBound: true,
          });
    return { p, s, interval, impossible };
  });
  const fitted = measured.filter((m) => m.p.threads <= cores && m.impossible === undefined);
  const fit = fitAmdahl(fitted.map((m) => ({ threads: m.p.threads, speedup: m.s })));
  const repeated = fitted.every((m) => m.p.samples !== undefined);
  const fitIntervals = fit === undefined || !repeated ? undefined : bootstrapAmdahl(fitted.map((m) => ({ threads: m.p.threads, wallMs: m.p.samples!.map((x) => x.wallMs) })));
  const rows = measured.map(({ p, s, interval, impossible }): ScalingRow => {
    return {
      ...p,
      speedup: s,
      ...(interval !== undefined && { speedupLow: interval.low, speedupHigh: interval.high, speedupMethod: interval.method }),
      efficiency: efficiency(s, p.threads),
      idealSpeedup: idealCpuSpeedup(tasks, p.threads, cores),
      amdahlSpeedup: fit === undefined ? 1 : amdahlSpeedup(fit.serialFraction, Math.min(p.threads, cores)),
      karpFlatt: p.threads >= 2 ? karpFlatt(s, p.threads) : null,
      beyondCores: p.threads > cores,
      ...(impossible !== undefined && { impossible }),
    };
  });
  return { rows, fit, ...(fitIntervals !== undefined && { fitIntervals }), cores };
}
