import type { SizeFigures } from '../../experiments/granularity/index.ts';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import type { DispatchRow } from '../../src/experiment/dispatch-fit.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import { median } from '../../src/measure/stats.ts';
import type { Verdict } from '../../src/measure/verdict.ts';
import type { ModeName } from '../../src/modes/index.ts';

/** Nine rounds whose factors have median 1: each round slows every mode it ran alike (a busy machine moves a whole round). */
export const ROUND_FACTORS = [0.97, 1.05, 0.99, 1, 1.02, 0.98, 1, 1.01, 1] as const;

/** Options of a hand-built row: its verdict against sequential, its speedup's low end (for the impossible judge), its per-round factors. */
export interface RowOptions {
  readonly verdict?: Verdict;
  readonly speedupLow?: number;
  readonly factors?: readonly number[];
}

/** A compared row of `medianMs` (sequential took `baselineMs`), with its rounds: `medianMs` times each round's factor. */
export function row(mode: ModeName, threads: number, medianMs: number, baselineMs: number, options: RowOptions = {}): DispatchRow {
  const samples = samplesOf((options.factors ?? ROUND_FACTORS).map((f) => medianMs * f));
  const times = samples.map((s) => s.wallMs);
  return {
    workload: 'split',
    mode,
    threads,
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    speedup: baselineMs / median(times),
    checksumOk: true,
    samples,
    ...(options.verdict !== undefined && { verdict: options.verdict }),
    ...(options.speedupLow !== undefined && { speedupLow: options.speedupLow }),
  };
}

/** The figures of one size's modes, by their medians: sequential 100 ms. */
export interface SizeMs {
  readonly parallel: number;
  readonly hybrid: number;
  readonly piscina: number;
}

/**
 * Sequential always 100 ms; parallel = 50 ms ideal + 0.1 ms per task; hybrid = 50 ms + 0.01 ms per task;
 * the plain pool 50 ms + 0.02 ms per task, unless `ms` or `options` say otherwise.
 */
export function size(unitsPerTask: number, tasks: number, ms: Partial<SizeMs> = {}, options: Partial<Record<'parallel' | 'hybrid' | 'piscina', RowOptions>> = {}): SizeFigures {
  return {
    unitsPerTask,
    tasks,
    rows: [
      row('sequential', 1, 100, 100),
      row('parallel', 2, ms.parallel ?? 50 + 0.1 * tasks, 100, options.parallel),
      row('hybrid', 2, ms.hybrid ?? 50 + 0.01 * tasks, 100, options.hybrid),
      row('piscina', 2, ms.piscina ?? 50 + 0.02 * tasks, 100, options.piscina),
    ],
  };
}

/** The sweep the hand-computed expectations use: 4, 16, 64 and 256 units per task over 1000, 250, 64 and 16 tasks. */
export const sweep: readonly SizeFigures[] = [size(4, 1000), size(16, 250), size(64, 64), size(256, 16)];

export const verdicts = {
  faster: (p = 0.004): Verdict => ({ state: 'faster', n: 9, p }),
  slower: (p = 0.004): Verdict => ({ state: 'slower', n: 9, p }),
  same: (p = 0.31): Verdict => ({ state: 'same', n: 9, p }),
};

/** What `granularity.analyse` reads of a context: 2 threads on 2 cores (a unit test reads no machine). */
export const twoCores = { threads: 2, machine: { availableParallelism: 2 } } as ExperimentContext;

/** The plan of a hand-built sweep, for `granularity.analyse`. */
export const planOf = (figures: readonly SizeFigures[]): { totalUnits: number; sizes: number[] } => ({ totalUnits: 4096, sizes: figures.map((f) => f.unitsPerTask) });
