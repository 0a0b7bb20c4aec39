import type { ModeName } from '../modes/index.ts';
import { foldChecksum } from '../workload/cpu-kernel.ts';
import type { AutoStop } from './auto-repeats.ts';
import { impossibleSpeedup } from './impossible-figures.ts';
import { checksumsMatch, type ModeMeasurement } from './measure-modes.ts';
import { findOutliers } from './outliers.ts';
import { pairedRatioInterval, type RatioMethod } from './ratio-interval.ts';
import { isDisturbed } from './foreign-cpu.ts';
import { meanForeignCpuCores, pairByRound, samplesOf, type Sample } from './samples.ts';
import { efficiency, speedup } from './speedup.ts';
import { pairedVerdict, type Verdict } from './verdict.ts';
import { median } from './stats.ts';

/** One mode of one workload, compared with the baseline mode. */
export interface ModeComparison {
  readonly workload: string;
  readonly mode: ModeName;
  readonly threads: number;
  readonly repeats: number;
  readonly medianMs: number;
  /** The median's distribution-free interval (order statistics of the samples). */
  readonly medianLowMs: number;
  readonly medianHighMs: number;
  /** What that interval covers: 0.95 or more unless the repeats are too few (5: 0.9375). */
  readonly medianCoverage: number;
  readonly meanMs: number;
  /** Half-width of the 95% Student-t interval of the mean (not of the median). */
  readonly meanCi95Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly sdMs: number;
  /** Relative standard deviation of the wall times (sd / mean). */
  readonly rsd: number;
  /** The repeats varied by more than the noise threshold: read this row with care. */
  readonly noisy: boolean;
  /** Other programs used more than `DISTURBED_FROM_CORES` on average during this row's runs that measured it (see `Sample.foreignCpuCores`). */
  readonly disturbed?: true;
  /** Rounds (1-based) whose time lies over 10 scaled MADs from the median (hyperfine's rule); kept in the median. */
  readonly outlierRounds: readonly number[];
  /** Baseline median / this median. */
  readonly speedup: number;
  /** 95% interval of the speedup, from the per-round ratios baseline / this. */
  readonly speedupLow: number;
  readonly speedupHigh: number;
  readonly speedupMethod: RatioMethod;
  /** Wilcoxon signed-rank verdict against the baseline over the paired rounds. */
  readonly verdict: Verdict;
  /** Speedup / threads. */
  readonly efficiency: number;
  /** Every run of this mode reported the baseline's first-run task checksums. */
  readonly checksumOk: boolean;
  /** All task checksums of the first run folded into one, for display. */
  readonly checksum: number;
  readonly baseline: ModeName;
  /** Median CPU time of the runs, ms: every thread of the process, so threads that overlap add up. */
  readonly cpuMs?: number;
  /** Median share of the runs' wall time spent in garbage collection (summed over their threads). */
  readonly gcShare?: number;
  /** Median cost of one kernel unit timed in place after the runs, µs (the lab's thread, or the workers). */
  readonly kernelUsPerUnit?: number;
  /** One-thread modes on a pool: median cost of one kernel unit on a lone worker, timed after each run, µs. */
  readonly loneWorkerUsPerUnit?: number;
  /** Parallel runs only: whether the pool was warm before timing. */
  readonly warm?: boolean;
  /** Under `--repeats auto`: what ended the rounds (the medians known within +-2%, the budget, or the round limit). */
  readonly stoppedBy?: AutoStop;
  /** Every measured repeat, in run order, with its round: for re-analysis and `compare`. */
  readonly samples: readonly Sample[];
  /** Why this row's figures are impossible for its work (e.g. superlinear on CPU-bound work); absent when they are possible. */
  readonly impossible?: string;
}

/** What the work and the machine allow, to flag impossible rows; without it no row is judged. */
export interface ImpossibleJudge {
  readonly cores: number;
  /** The workload has no wait or block parts (see `isCpuBoundWorkload`). */
  readonly cpuBound: boolean;
}

/**
 * Compares every measurement with the baseline (sequential when present, else the first).
 * Given a judge, rows whose speedup the work rules out, beyond its interval, carry `impossible`
 * with the reason; rows of a single repeat have no interval and are not judged.
 */
export function compareModes(measurements: readonly ModeMeasurement[], judge?: ImpossibleJudge): ModeComparison[] {
  const baseline = measurements.find((m) => m.mode === 'sequential') ?? measurements[0];
  if (baseline === undefined) return [];
  const reference = baseline.checksums[0] ?? [];
  const baseSamples = samplesOf(baseline.wallMs);
  return measurements.map((m) => {
    const s = speedup(baseline.summary.median, m.summary.median);
    const samples = samplesOf(m.wallMs, m.foreignCpuCores);
    const paired = pairByRound(baseSamples, samples);
    const ratio = pairedRatioInterval(paired.a, paired.b);
    const impossible =
      judge === undefined
        ? undefined
        : impossibleSpeedup({
            mode: m.mode,
            baseline: baseline.mode,
            threads: m.threads,
            baselineThreads: baseline.threads,
            speedup: s,
            speedupLow: ratio.low,
            repeats: Math.min(baseline.summary.n, m.summary.n),
            ...judge,
          });
    return {
      workload: m.workload,
      mode: m.mode,
      threads: m.threads,
      repeats: m.summary.n,
      medianMs: m.summary.median,
      medianLowMs: m.summary.medianLow,
      medianHighMs: m.summary.medianHigh,
      medianCoverage: m.summary.medianCoverage,
      meanMs: m.summary.mean,
      meanCi95Ms: m.summary.meanCi95,
      minMs: m.summary.min,
      maxMs: m.summary.max,
      sdMs: m.summary.sd,
      rsd: m.summary.rsd,
      noisy: m.summary.noisy,
      ...(isDisturbed(meanForeignCpuCores(samples)) && { disturbed: true as const }),
      outlierRounds: findOutliers(m.wallMs).indices.map((i) => samples[i]!.round),
      speedup: s,
      speedupLow: ratio.low,
      speedupHigh: ratio.high,
      speedupMethod: ratio.method,
      verdict: pairedVerdict(paired.b, paired.a),
      efficiency: efficiency(s, m.threads),
      checksumOk: checksumsMatch(m, reference),
      checksum: (m.checksums[0] ?? []).reduce(foldChecksum, 0x811c9dc5),
      baseline: baseline.mode,
      cpuMs: m.cpuMs.length > 0 ? median(m.cpuMs) : Number.NaN,
      gcShare: m.gcShare.length > 0 ? median(m.gcShare) : Number.NaN,
      kernelUsPerUnit: m.kernelUsPerUnit.length > 0 ? median(m.kernelUsPerUnit) : Number.NaN,
      ...(m.loneWorkerUsPerUnit.some((v) => !Number.isNaN(v)) && { loneWorkerUsPerUnit: median(m.loneWorkerUsPerUnit) }),
      ...(m.pool && { warm: m.pool.warm }),
      ...(m.stoppedBy !== undefined && { stoppedBy: m.stoppedBy }),
      samples,
      ...(impossible !== undefined && { impossible }),
    };
  });
}
