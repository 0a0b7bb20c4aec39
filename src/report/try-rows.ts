import { againstBaseline } from '../measure/against-baseline.ts';
import { isDisturbed } from '../measure/foreign-cpu.ts';
import { meanForeignCpuCores, type Sample } from '../measure/samples.ts';
import { median } from '../measure/stats.ts';
import type { Verdict } from '../measure/verdict.ts';
import { decideFaster } from './try-verdicts.ts';

/** What `try` measured for one setting: every timed run, and whether its results matched the baseline's. */
export interface TrySubjectFigures {
  readonly mode: 'baseline' | 'interleaved' | 'pool';
  readonly threads: number;
  readonly batch: number;
  /** The A/A twin: a pool of its own with exactly `threads` threads, where the others share one pool of the top count. */
  readonly dedicated?: true;
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly number[];
  /** Pool settings: per run, the calls' time inside the workers, summed over the tasks, ms. */
  readonly workerCallMs?: readonly number[];
  /** Per run, other programs' CPU in cores: measured on runs of 0.5 s or more where the system says, else null. */
  readonly foreignCpuCores?: readonly (number | null)[];
  readonly checksumOk: boolean;
  /** The first input whose result differed from the baseline's, when one did. */
  readonly firstDifferent?: number;
}

/** One row of `try`'s table and `--json`. */
export type TryRow = {
  readonly workload: string;
  readonly mode: 'baseline' | 'interleaved' | 'pool';
  readonly threads: number;
  /** Threads that had a task: fewer than `threads` when the batches make fewer tasks (batch 64 of 32 inputs: one task, one thread). */
  readonly threadsUsed: number;
  readonly batch: number;
  readonly dedicated?: true;
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
  /**
   * The one rule for "faster" (and "slower"): Wilcoxon over the paired rounds, p Holm-corrected over
   * every setting the verdict chooses among, and the speedup's interval clear of 1. 'same' otherwise.
   */
  readonly verdict: Verdict;
  /** Speedup / threads used. Above 1 cannot come from the threads (see `impossibleEfficiency`). */
  readonly efficiency: number;
  /** Median CPU time of the runs, every thread of the measuring process. */
  readonly cpuMs: number;
  /** Every result equal, by value, to the baseline's (hashes of structured-clone bytes). */
  readonly checksumOk: boolean;
  readonly firstDifferent?: number;
  /** Other programs used more than `DISTURBED_FROM_CORES` on average during the runs that measured it. */
  readonly disturbed?: true;
  readonly samples: readonly Sample[];
};

/**
 * Rows of every setting against the baseline (the first figures), from the same rounds, their
 * verdicts corrected together over the settings a best one is chosen from (every one but the
 * baseline and the A/A twin).
 */
export function tryRows(workload: string, figures: readonly TrySubjectFigures[], inputs: number): TryRow[] {
  const baseline = figures[0];
  if (baseline === undefined) return [];
  const judged = figures.map((f) => againstBaseline(f.wallMs, baseline.wallMs));
  const verdicts = decideFaster(
    judged.map((j, i) => ({ verdict: j.verdict, low: j.speedupLow, high: j.speedupHigh, candidate: i > 0 && figures[i]!.dedicated !== true })),
  );
  return figures.map((f, i) => {
    const j = judged[i]!;
    const s = j.summary;
    const threadsUsed = f.mode === 'pool' ? Math.min(f.threads, Math.ceil(inputs / f.batch)) : f.threads;
    const samples = j.samples.map((sample, run) => {
      const foreign = f.foreignCpuCores?.[run];
      return typeof foreign === 'number' ? { ...sample, foreignCpuCores: foreign } : sample;
    });
    return {
      workload,
      mode: f.mode,
      threads: f.threads,
      threadsUsed,
      batch: f.batch,
      ...(f.dedicated === true && { dedicated: true as const }),
      repeats: s.n,
      medianMs: s.median,
      medianLowMs: s.medianLow,
      medianHighMs: s.medianHigh,
      medianCoverage: s.medianCoverage,
      minMs: s.min,
      maxMs: s.max,
      speedup: j.speedup,
      speedupLow: j.speedupLow,
      speedupHigh: j.speedupHigh,
      verdict: verdicts[i]!,
      efficiency: j.speedup / threadsUsed,
      cpuMs: median(f.cpuMs),
      checksumOk: f.checksumOk,
      ...(f.firstDifferent !== undefined && { firstDifferent: f.firstDifferent }),
      ...(isDisturbed(meanForeignCpuCores(samples)) && { disturbed: true as const }),
      samples,
    };
  });
}

/**
 * True when a row is measurably faster than the baseline by the one rule (see `TryRow.verdict`);
 * with too few rounds for a test (`--quick`), when its interval lies above 1, which the "?" mark says.
 */
export function fasterThanBaseline(row: TryRow): boolean {
  if (row.mode === 'baseline' || row.dedicated === true || !row.checksumOk) return false;
  return row.verdict.state === 'faster' || (row.verdict.state === 'too-few' && row.speedupLow > 1);
}

/** The best setting: the fastest row measurably faster than the baseline, else the baseline itself. */
export function bestRow(rows: readonly TryRow[]): TryRow | undefined {
  return rows.filter(fasterThanBaseline).sort((a, b) => a.medianMs - b.medianMs)[0] ?? rows[0];
}

/** Efficiency above 100% for the threads used: more than threads can give, so something slowed the baseline instead. */
export function impossibleEfficiency(row: TryRow): boolean {
  return row.mode === 'pool' && row.efficiency > 1;
}
