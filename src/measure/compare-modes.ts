import type { ModeName } from '../modes/index.ts';
import { foldChecksum } from '../workload/cpu-kernel.ts';
import { impossibleSpeedup } from './impossible-figures.ts';
import { checksumsMatch, type ModeMeasurement } from './measure-modes.ts';
import { efficiency, speedup, speedupHalfWidth95 } from './speedup.ts';

/** One mode of one workload, compared with the baseline mode. */
export interface ModeComparison {
  readonly workload: string;
  readonly mode: ModeName;
  readonly threads: number;
  readonly repeats: number;
  readonly medianMs: number;
  readonly meanMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly sdMs: number;
  /** Half-width of the 95% confidence interval of the mean wall time. */
  readonly ci95Ms: number;
  /** Relative standard deviation of the wall times (sd / mean). */
  readonly rsd: number;
  /** The repeats varied by more than the noise threshold: read this row with care. */
  readonly noisy: boolean;
  /** Baseline median / this median. */
  readonly speedup: number;
  /** 95% half-width of the speedup. */
  readonly speedupCi95: number;
  /** Speedup / threads. */
  readonly efficiency: number;
  /** Every run of this mode reported the baseline's first-run task checksums. */
  readonly checksumOk: boolean;
  /** All task checksums of the first run folded into one, for display. */
  readonly checksum: number;
  readonly baseline: ModeName;
  /** Parallel runs only: whether the pool was warm before timing. */
  readonly warm?: boolean;
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
  return measurements.map((m) => {
    const s = speedup(baseline.summary.median, m.summary.median);
    const halfWidth = speedupHalfWidth95(baseline.summary, m.summary);
    // One repeat has no interval to be beyond: such a row is unjudged, not possible by verdict.
    const judged = judge !== undefined && baseline.summary.n > 1 && m.summary.n > 1;
    const impossible = !judged
      ? undefined
      : impossibleSpeedup({ mode: m.mode, baseline: baseline.mode, threads: m.threads, baselineThreads: baseline.threads, speedup: s, speedupHalfWidth: halfWidth, ...judge });
    return {
      workload: m.workload,
      mode: m.mode,
      threads: m.threads,
      repeats: m.summary.n,
      medianMs: m.summary.median,
      meanMs: m.summary.mean,
      minMs: m.summary.min,
      maxMs: m.summary.max,
      sdMs: m.summary.sd,
      ci95Ms: m.summary.ci95,
      rsd: m.summary.rsd,
      noisy: m.summary.noisy,
      speedup: s,
      speedupCi95: halfWidth,
      efficiency: efficiency(s, m.threads),
      checksumOk: checksumsMatch(m, reference),
      checksum: (m.checksums[0] ?? []).reduce(foldChecksum, 0x811c9dc5),
      baseline: baseline.mode,
      ...(m.pool && { warm: m.pool.warm }),
      ...(impossible !== undefined && { impossible }),
    };
  });
}
