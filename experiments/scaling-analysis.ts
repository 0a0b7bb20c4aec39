import { amdahlSpeedup, fitAmdahl, type AmdahlFit } from '../src/measure/amdahl.ts';
import { impossibleSpeedup } from '../src/measure/impossible-figures.ts';
import { karpFlatt } from '../src/measure/karp-flatt.ts';
import { bootstrapRatioInterval, type RatioMethod } from '../src/measure/ratio-interval.ts';
import type { Sample } from '../src/measure/samples.ts';
import { efficiency, speedup } from '../src/measure/speedup.ts';
import { idealCpuSpeedup } from '../src/experiment/dispatch-fit.ts';
import { formatPercent, formatRatio } from '../src/report/format.ts';
import { impossibleNotes } from '../src/report/impossible-notes.ts';

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
  const fit = fitAmdahl(measured.filter((m) => m.p.threads <= cores && m.impossible === undefined).map((m) => ({ threads: m.p.threads, speedup: m.s })));
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
  return { rows, fit, cores };
}

/** Sentences from the analysis: how far speedup rose, where it stopped (the knee), what the fit and e(n) say. */
export function interpretScaling({ rows, fit, cores }: ScalingAnalysis): string[] {
  const notes: string[] = [];
  const bad = rows.filter((r) => !r.checksumOk);
  if (bad.length > 0) notes.push(`CHECKSUMS DIFFER at ${bad.map((r) => `${r.threads} threads`).join(', ')}: those runs did different work, and their times mean nothing.`);
  const flagged = rows.filter((r) => r.impossible !== undefined);
  notes.push(...impossibleNotes(flagged.map((r) => ({ workload: 'scaling', mode: `${r.threads} threads`, impossible: r.impossible }))));
  if (flagged.length > 0) notes.push(`The Amdahl fit leaves out ${flagged.map((r) => `${r.threads} threads`).join(', ')} (impossible, not clamped).`);
  const atCores = [...rows].reverse().find((r) => r.threads <= cores)!;
  const beyond = rows.filter((r) => r.beyondCores);
  const best = rows.reduce((a, b) => (b.speedup > a.speedup ? b : a));
  const busy =
    atCores.threads > 1 && atCores.efficiency < 0.75
      ? ` Only ${formatPercent(atCores.efficiency)} efficiency on ${atCores.threads} threads: other programs were probably using the cores, so read this curve with care.`
      : '';
  const knee = beyond.length === 0 ? undefined : kneeVerdict(atCores, beyond);
  notes.push(
    `speedup rose to ${formatRatio(atCores.speedup)} at ${atCores.threads} threads (${formatPercent(atCores.efficiency)} efficiency, ideal ${formatRatio(atCores.idealSpeedup)})` +
      (knee === undefined
        ? `; no thread count past the ${cores} cores was measured, so the knee is not in this run (raise --threads).`
        : `, then ${knee.text} from ${beyond[0]!.threads} to ${beyond[beyond.length - 1]!.threads} threads: ` +
          (knee.knee ? `the knee is at the ${cores} cores, because threads past them only take turns on the same cores.` : `no knee at the ${cores} cores in this run.`) +
          ` The best was ${formatRatio(best.speedup)} at ${best.threads} threads.`) +
      busy,
  );
  if (fit === undefined) {
    notes.push(`With ${cores} core there is no thread count above one to fit Amdahl's law to.`);
    return notes;
  }
  const within = rows.filter((r) => r.karpFlatt !== null && !r.beyondCores).map((r) => r.karpFlatt!);
  const past = beyond.map((r) => r.karpFlatt!);
  const climbs = past.length > 0 && Math.max(...past) > Math.max(...within) * 1.5;
  notes.push(
    `Amdahl's law fitted to 1-${atCores.threads} threads gives a serial fraction s = ${formatPercent(fit.serialFraction)} ` +
      `(a ceiling of ${Number.isFinite(fit.maxSpeedup) ? formatRatio(fit.maxSpeedup) : 'no limit'} on any number of cores; ` +
      `${within.length === 1 ? "one thread count above one to fit, so s is that point's e(n) and fits it exactly" : `rms error ${fit.rmsError.toFixed(3)} over ${within.length + 1} thread counts`}). ` +
      `The Karp-Flatt fraction e(n) was ${range(within)} up to the cores` +
      (past.length === 0
        ? '.'
        : ` and ${range(past)} past them: ` +
          (climbs
            ? 'it climbs once threads outnumber cores, the knee in another form (threads without a core of their own), not serial code.'
            : 'it barely changes past the cores.')),
  );
  return notes;
}

/** How speedup moved past the cores, relative to its value on the cores: the knee shows as flat or falling. */
function kneeVerdict(atCores: ScalingRow, beyond: readonly ScalingRow[]): { readonly knee: boolean; readonly text: string } {
  const changes = beyond.map((r) => r.speedup / atCores.speedup - 1);
  const most = Math.max(...changes);
  const least = Math.min(...changes);
  if (most >= 0.1) return { knee: false, text: `still rose (up to +${formatPercent(most)}, so the cores were not all busy at ${atCores.threads} threads)` };
  if (least <= -0.1) return { knee: true, text: `fell (down to ${formatPercent(least)})` };
  return { knee: true, text: `stayed flat (within ±${formatPercent(Math.max(most, -least))})` };
}

function range(values: readonly number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? formatPercent(lo) : `${formatPercent(lo)} to ${formatPercent(hi)}`;
}
