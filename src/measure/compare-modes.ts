import type { ModeName } from '../modes/index.ts';
import { foldChecksum } from '../workload/cpu-kernel.ts';
import { checksumsMatch, type ModeMeasurement } from './measure-modes.ts';
import { efficiency, speedup, speedupHalfWidth95 } from './speedup.ts';
import { median } from './stats.ts';

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
}

/** Compares every measurement with the baseline (sequential when present, else the first). */
export function compareModes(measurements: readonly ModeMeasurement[]): ModeComparison[] {
  const baseline = measurements.find((m) => m.mode === 'sequential') ?? measurements[0];
  if (baseline === undefined) return [];
  const reference = baseline.checksums[0] ?? [];
  return measurements.map((m) => {
    const s = speedup(baseline.summary.median, m.summary.median);
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
      speedupCi95: speedupHalfWidth95(baseline.summary, m.summary),
      efficiency: efficiency(s, m.threads),
      checksumOk: checksumsMatch(m, reference),
      checksum: (m.checksums[0] ?? []).reduce(foldChecksum, 0x811c9dc5),
      baseline: baseline.mode,
      cpuMs: m.cpuMs.length > 0 ? median(m.cpuMs) : Number.NaN,
      gcShare: m.gcShare.length > 0 ? median(m.gcShare) : Number.NaN,
      kernelUsPerUnit: m.kernelUsPerUnit.length > 0 ? median(m.kernelUsPerUnit) : Number.NaN,
      ...(m.loneWorkerUsPerUnit.some((v) => !Number.isNaN(v)) && { loneWorkerUsPerUnit: median(m.loneWorkerUsPerUnit) }),
      ...(m.pool && { warm: m.pool.warm }),
    };
  });
}
