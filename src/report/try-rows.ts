import { againstBaseline } from '../measure/against-baseline.ts';
import type { Sample } from '../measure/samples.ts';
import { median } from '../measure/stats.ts';
import type { Verdict } from '../measure/verdict.ts';

/** What `try` measured for one setting: every timed run, and whether its results matched the baseline's. */
export interface TrySubjectFigures {
  readonly mode: 'baseline' | 'interleaved' | 'pool';
  readonly threads: number;
  readonly batch: number;
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly number[];
  readonly checksumOk: boolean;
  /** The first input whose result differed from the baseline's, when one did. */
  readonly firstDifferent?: number;
}

/** One row of `try`'s table and `--json`. */
export type TryRow = {
  readonly workload: string;
  readonly mode: 'baseline' | 'interleaved' | 'pool';
  readonly threads: number;
  readonly batch: number;
  readonly repeats: number;
  readonly medianMs: number;
  readonly medianLowMs: number;
  readonly medianHighMs: number;
  readonly medianCoverage: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly speedup: number;
  readonly speedupLow: number;
  readonly speedupHigh: number;
  readonly verdict: Verdict;
  /** Speedup / threads. */
  readonly efficiency: number;
  /** Median CPU time of the runs, every thread of the measuring process. */
  readonly cpuMs: number;
  /** Every result equal, by value, to the baseline's (hashes of structured-clone bytes). */
  readonly checksumOk: boolean;
  readonly firstDifferent?: number;
  readonly samples: readonly Sample[];
};

/** Rows of every setting against the baseline (the first figures), from the same rounds. */
export function tryRows(workload: string, figures: readonly TrySubjectFigures[]): TryRow[] {
  const baseline = figures[0];
  if (baseline === undefined) return [];
  return figures.map((f) => {
    const judged = againstBaseline(f.wallMs, baseline.wallMs);
    const s = judged.summary;
    return {
      workload,
      mode: f.mode,
      threads: f.threads,
      batch: f.batch,
      repeats: s.n,
      medianMs: s.median,
      medianLowMs: s.medianLow,
      medianHighMs: s.medianHigh,
      medianCoverage: s.medianCoverage,
      minMs: s.min,
      maxMs: s.max,
      speedup: judged.speedup,
      speedupLow: judged.speedupLow,
      speedupHigh: judged.speedupHigh,
      verdict: judged.verdict,
      efficiency: judged.speedup / f.threads,
      cpuMs: median(f.cpuMs),
      checksumOk: f.checksumOk,
      ...(f.firstDifferent !== undefined && { firstDifferent: f.firstDifferent }),
      samples: judged.samples,
    };
  });
}

/**
 * True when a row is measurably faster than the baseline: its paired speedup interval lies above 1
 * and, with rounds enough for one, the signed-rank verdict says faster too.
 */
export function fasterThanBaseline(row: TryRow): boolean {
  if (row.mode === 'baseline' || !row.checksumOk || !(row.speedupLow > 1)) return false;
  return row.verdict.state === 'faster' || row.verdict.state === 'too-few';
}

/** The best setting: the fastest row measurably faster than the baseline, else the baseline itself. */
export function bestRow(rows: readonly TryRow[]): TryRow | undefined {
  return rows.filter(fasterThanBaseline).sort((a, b) => a.medianMs - b.medianMs)[0] ?? rows[0];
}
