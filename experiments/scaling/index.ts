import { defineExperiment } from '../../src/experiment/define.ts';
import { checksumsMatch } from '../../src/measure/measure-modes.ts';
import { samplesOf } from '../../src/measure/samples.ts';
import { drawableRuns } from '../../src/report/drawable-runs.ts';
import type { ResultTable, NamedFacts } from '../../src/report/experiment-result.ts';
import { formatChecksum, formatMs, formatPercent, formatRatio } from '../../src/report/format.ts';
import { IMPOSSIBLE_MARK } from '../../src/report/impossible-notes.ts';
import { medianWithInterval, speedupWithInterval } from '../../src/report/interval-text.ts';
import { foldChecksum } from '../../src/workload/cpu-kernel.ts';
import { cpuBoundWorkload } from '../../src/workload/presets.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';
import { UsageError } from '../../src/errors/usage-error.ts';
import { uslSpeedup } from '../../src/measure/usl.ts';
import { analyseScaling, type ScalingPoint, type ScalingRow } from './analysis.ts';
import { interpretScaling } from './analysis-notes.ts';
import { analyseUsl, interpretUsl, predictionRefusal, uslFacts, uslRelativeLambda, type UslFacts } from './usl.ts';

/**
 * The thread counts to measure: every count from 1 to `max` on small machines; on large
 * ones a ladder (powers of two and the halves between them) that always includes the core
 * count and its neighbours, so that the knee is measured, not interpolated.
 */
export function threadCounts(max: number, cores: number): number[] {
  if (max <= 8) return Array.from({ length: max }, (_, i) => i + 1);
  const counts = new Set([1, max, cores - 1, cores, cores + 1]);
  for (let n = 2; n <= max; n *= 2) {
    counts.add(n);
    counts.add(Math.round(n * 1.5));
  }
  return [...counts].filter((n) => n >= 1 && n <= max).sort((a, b) => a - b);
}

/** Equal CPU tasks, 24 for every 4 threads measured: divisible by 1, 2, 3, 4, 6 and 8, so few counts leave a thread short. */
export function scalingWorkload(quick: boolean, maxThreads: number): WorkloadSpec {
  const tasks = 24 * Math.ceil(maxThreads / 4);
  const totalUnits = quick ? 19_200 : 120_000;
  return { ...cpuBoundWorkload({ tasks, unitsPerTask: Math.round(totalUnits / tasks) }), name: 'scaling' };
}

/** What `measure` hands to `analyse`. */
export interface ScalingMeasured {
  readonly workload: WorkloadSpec;
  readonly maxThreads: number;
  readonly points: readonly ScalingPoint[];
  /** Every task checksum of the first run, the reference all runs are held to. */
  readonly reference: readonly number[];
}

export type ScalingFacts = NamedFacts<'cores' | 'maxThreads' | 'amdahlSerialFraction' | 'amdahlMaxSpeedup' | 'amdahlRmsError' | 'amdahlFitThreadsMax' | 'oneThreadMs'> & UslFacts;

/** The settings its result states beyond the common ones. */
type ScalingSettings = { threads: string; cores: number; workload: string };

export const scaling = defineExperiment<ScalingMeasured, ScalingRow & { readonly workload: string; readonly mode: 'parallel' }, ScalingFacts, ScalingSettings>('scaling', {
  // The sweep and the workload follow the cores, so they are not compared.
  comparable: ['quick', 'seed'],
  question: 'How does CPU-bound speedup grow with worker threads from 1 to twice --threads (or --max-threads), where is the knee, and what do Amdahl, Karp-Flatt and the Universal Scalability Law read from it?',
  about: 'The same CPU work on 1 up to twice --threads worker threads, one warm pool per count; Amdahl fitted up to the cores, Karp-Flatt per count, the Universal Scalability Law (σ, κ, peak N, --predict N), a speedup chart.',
  // The sweep goes to twice the threads, past the cores, unless --max-threads says otherwise.
  defaults: { repeats: 5, quickRepeats: 3, maxThreads: (threads) => 2 * threads },
  commonSettings: ['repeats', 'warmups', 'seed', 'quick'],

  async measure(kit) {
    const cores = kit.context.machine.availableParallelism;
    const maxThreads = kit.context.maxThreads;
    // A prediction the sweep cannot support is refused before anything is measured.
    const refused = kit.context.predict === undefined ? undefined : predictionRefusal(threadCounts(maxThreads, cores).filter((n) => n <= cores).length, cores);
    if (refused !== undefined) throw new UsageError(refused);
    const workload = scalingWorkload(kit.context.quick, maxThreads);
    const points: ScalingPoint[] = [];
    let reference: readonly number[] | undefined;
    for (const threads of threadCounts(maxThreads, cores)) {
      // One pool per count, started (and warmed) before its timed runs and closed after them.
      const [m, plain] = (await kit.withPool(threads, (pool) => kit.measure(workload, ['parallel', 'piscina'], { pool, draw: false }))).measurements;
      reference ??= m!.checksums[0] ?? [];
      const { median, min, max, medianLow, medianHigh, medianCoverage } = m!.summary;
      points.push({
        threads,
        medianMs: median,
        minMs: min,
        maxMs: max,
        checksumOk: checksumsMatch(m!, reference) && checksumsMatch(plain!, reference),
        piscinaMedianMs: plain!.summary.median,
        medianLowMs: medianLow,
        medianHighMs: medianHigh,
        medianCoverage,
        samples: samplesOf(m!.wallMs),
      });
      if (threads === 1 || threads === cores || threads === maxThreads) kit.draw(...drawableRuns([{ ...m!, workload: `${threads} thread${threads === 1 ? '' : 's'}` }]));
    }
    return { workload, maxThreads, points, reference: reference ?? [] };
  },

  analyse({ workload, maxThreads, points, reference }, context) {
    const cores = context.machine.availableParallelism;
    const analysis = analyseScaling(points, workload.tasks.length, cores);
    const { rows, fit } = analysis;
    const usl = analyseUsl(rows, cores, context.predict);
    // The USL curve on a chart of speedups over the measured one thread: λ·S(N) over that thread's throughput.
    const uslCurve = usl.fit === undefined ? undefined : { sigma: usl.fit.sigma, kappa: usl.fit.kappa, lambda: uslRelativeLambda(usl)! };
    return {
      settings: { threads: `1-${maxThreads}`, cores, workload: workload.description! },
      tables: [scalingTable(rows, { title: `scaling: ${workload.description}, parallel on 1-${maxThreads} threads, ${cores} cores (speedup vs 1 thread)`, repeats: context.repeats, cores, checksum: reference.reduce(foldChecksum, 0x811c9dc5), usl: uslCurve })],
      rows: rows.map((r) => ({ workload: workload.name, mode: 'parallel' as const, ...r })),
      facts: {
        cores,
        maxThreads,
        amdahlSerialFraction: fit?.serialFraction ?? Number.NaN,
        amdahlMaxSpeedup: fit?.maxSpeedup ?? Number.NaN,
        amdahlRmsError: fit?.rmsError ?? Number.NaN,
        amdahlFitThreadsMax: cores,
        oneThreadMs: rows[0]!.medianMs,
        ...uslFacts(usl),
        ...(usl.prediction?.speedup !== undefined && { uslPredictThreads: usl.prediction.threads, uslPredictedSpeedup: usl.prediction.speedup }),
      },
      notes: [...interpretScaling(analysis), ...interpretUsl(usl)],
      speedupCharts: [
        {
          title: `scaling: speedup of ${workload.description} on 1-${maxThreads} worker threads`,
          points: rows.map((r) => ({ threads: r.threads, speedup: r.speedup })),
          cores,
          ...(fit !== undefined && { serialFraction: fit.serialFraction }),
          ...(uslCurve !== undefined && { usl: uslCurve }),
        },
      ],
    };
  },
});

/** The scaling table: one row per thread count. */
function scalingTable(rows: readonly ScalingRow[], how: { readonly title: string; readonly repeats: number; readonly cores: number; readonly checksum: number; readonly usl: { readonly sigma: number; readonly kappa: number; readonly lambda: number } | undefined }): ResultTable {
  const { repeats, cores, checksum } = how;
  const kf = (r: ScalingRow): string => (r.karpFlatt === null ? '-' : formatPercent(r.karpFlatt));
  return {
    title: how.title,
    head: ['threads', 'median ms [95% CI]', 'min-max ms', 'piscina ms', 'speedup [95% CI]', 'efficiency', 'ideal', 'Amdahl fit', 'USL fit', 'Karp-Flatt e', 'cores', 'checksums'],
    rows: rows.map((r) => [
      r.impossible === undefined ? String(r.threads) : `${r.threads} ${IMPOSSIBLE_MARK}`,
      medianWithInterval({ repeats, medianLowMs: r.medianMs, medianHighMs: r.medianMs, medianCoverage: 1, ...r }),
      `${formatMs(r.minMs)}-${formatMs(r.maxMs)}`,
      r.piscinaMedianMs === undefined ? '-' : formatMs(r.piscinaMedianMs),
      r.threads === 1 ? formatRatio(r.speedup) : speedupWithInterval({ repeats, speedupLow: r.speedup, speedupHigh: r.speedup, ...r }),
      formatPercent(r.efficiency),
      formatRatio(r.idealSpeedup),
      formatRatio(r.amdahlSpeedup),
      how.usl === undefined ? '-' : formatRatio(how.usl.lambda * uslSpeedup(how.usl.sigma, how.usl.kappa, r.threads)),
      kf(r),
      r.threads < cores ? 'spare' : r.threads === cores ? 'all busy <- knee' : 'oversubscribed',
      `${r.checksumOk ? 'identical' : 'DIFFERENT'} ${formatChecksum(checksum)}`,
    ]),
    warnings: ['speedup intervals: a seeded bootstrap over unpaired samples (each thread count is timed in its own block, on its own pool, so there are no rounds to pair).'],
  };
}
