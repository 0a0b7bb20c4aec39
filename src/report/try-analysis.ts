import { againstBaseline } from '../measure/against-baseline.ts';
import { breakEven, breakEvenMargin, type BreakEvenMargin, type NoBreakEven } from '../measure/break-even.ts';
import { median } from '../measure/stats.ts';
import type { SpeedupChartOptions } from '../draw/index.ts';
import type { ResultTable } from './experiment-result.ts';
import { tryNotes } from './try-notes.ts';
import { bestRow, tryRows, type TryRow, type TrySubjectFigures } from './try-rows.ts';
import { tryTables } from './try-tables.ts';
import { decideFaster } from './try-verdicts.ts';

/** Everything `try` measured, as its analysis reads it. */
export interface TryFigures {
  readonly workload: string;
  readonly kind: 'sync' | 'async' | 'generator';
  readonly cores: number;
  readonly maxThreads: number;
  readonly subjects: readonly TrySubjectFigures[];
  /** Per input: its calls' times in the timed baseline runs, ms. */
  readonly callMs: readonly (readonly number[])[];
  /** Per input: its calls' times inside workers, all usable threads busy at once, ms. */
  readonly workerCallMs: readonly (readonly number[])[];
  /** Per input: its calls' times on the main thread, each loop right after a round of `workerCallMs`, ms. */
  readonly mainCallMs: readonly (readonly number[])[];
  readonly inputBytes: readonly number[];
  readonly resultBytes: readonly number[];
  /** Per input, µs: round trips sending it to a worker and receiving its result, the empty call included. */
  readonly sendRoundTripsUs: readonly (readonly number[])[];
  readonly receiveRoundTripsUs: readonly (readonly number[])[];
  /** Empty-call round trips on the pool of `maxThreads`, µs. */
  readonly emptyUs: readonly number[];
  /** Warm-up rounds run, and whether `--warmups` fixed their number (else: until the loop stopped getting faster). */
  readonly warmups: { readonly rounds: number; readonly fixed: boolean; readonly quick?: boolean };
  /** The whole measurement, from starting the function's process to the last transfer timed, ms. */
  readonly runMs: number;
}

export type TryFacts = {
  readonly bestMode: 'baseline' | 'interleaved' | 'pool';
  readonly bestSpeedup: number;
  /** Threads the best setting used; 0 when the baseline or interleaving wins. */
  readonly bestThreads: number;
  /** 0 when the baseline or interleaving wins. */
  readonly bestBatch: number;
  /** (empty call + transfer) × usable / (usable − workerSlowdown); null when threads cannot pay (`noBreakEven` says why). */
  readonly breakEvenUs: number | null;
  readonly noBreakEven: NoBreakEven | null;
  /** Where the call sits: outside ±25% of the break-even "well below"/"well above", else "near"; null without one. */
  readonly breakEvenMargin: BreakEvenMargin | null;
  readonly emptyCallUs: number;
  readonly callUs: number;
  /** The function's time per call inside workers (all usable threads busy) against the plain loop's: 1.4 = 40% slower. */
  readonly workerSlowdown: number;
  /** Sending an input and receiving its result beyond the empty call: the two medians over the inputs, added. */
  readonly transferUs: number;
  readonly sendUs: number;
  readonly receiveUs: number;
  /** Structured-clone bytes, medians over the inputs rounded to whole bytes. */
  readonly inputBytes: number;
  readonly resultBytes: number;
  readonly cores: number;
  /** The smallest batch measurably faster than one call per task at the best pool's threads (Holm over the batch sizes); null when none is. */
  readonly batchPaysFrom: number | null;
  readonly warmupRounds: number;
  /** The whole run in loops over the inputs: its wall time / the plain loop's median. */
  readonly runLoops: number;
  /** The whole run, ms: from starting the function's process to the last call timed. */
  readonly runMs: number;
  /** The A/A row: a dedicated t-thread pool's median time over the shared pool's held to t tasks (1 = the same), or null without it. */
  readonly aaRatio: number | null;
};

/** The rows, the facts and the verdict of a `try` run, computed from its figures alone. */
export function analyseTry(f: TryFigures): { rows: TryRow[]; facts: TryFacts; tables: ResultTable[]; notes: string[]; charts: SpeedupChartOptions[] } {
  const rows = tryRows(f.workload, f.subjects, f.callMs.length);
  const best = bestRow(rows)!;
  const pool = best.mode === 'pool';
  const perInputCallUs = f.callMs.map((calls) => median(calls) * 1000);
  const callUs = median(perInputCallUs);
  const emptyCallUs = median(f.emptyUs);
  // What moving the data adds to the empty call; noise can put a median under it, which is no cost.
  const beyondEmpty = (roundTrips: readonly number[]): number => Math.max(0, median(roundTrips) - emptyCallUs);
  const sendUs = median(f.sendRoundTripsUs.map(beyondEmpty));
  const receiveUs = median(f.receiveRoundTripsUs.map(beyondEmpty));
  const workerSlowdown = slowdown(f);
  const even = breakEven({ emptyUs: emptyCallUs, transferUs: sendUs + receiveUs, workerSlowdown, threads: f.maxThreads, cores: f.cores });
  const batchThreads = pool ? best.threads : f.maxThreads;
  const twin = rows.find((r) => r.dedicated === true);
  const shared = twin && rows.find((r) => r.mode === 'pool' && r.dedicated !== true && r.threads === twin.threads && r.batch === twin.batch);
  const facts: TryFacts = {
    bestMode: best.mode,
    bestSpeedup: best.speedup,
    bestThreads: pool ? best.threadsUsed : 0,
    bestBatch: pool ? best.batch : 0,
    breakEvenUs: even.us,
    noBreakEven: even.us === null ? even.because : null,
    breakEvenMargin: even.us === null ? null : breakEvenMargin(callUs, even.us),
    emptyCallUs,
    callUs,
    workerSlowdown,
    transferUs: sendUs + receiveUs,
    sendUs,
    receiveUs,
    inputBytes: Math.round(median(f.inputBytes)),
    resultBytes: Math.round(median(f.resultBytes)),
    cores: f.cores,
    batchPaysFrom: batchPaysFrom(rows, batchThreads),
    warmupRounds: f.warmups.rounds,
    runLoops: f.runMs / rows[0]!.medianMs,
    runMs: f.runMs,
    aaRatio: twin === undefined || shared === undefined ? null : twin.medianMs / shared.medianMs,
  };
  return { rows, facts, tables: tryTables(f, rows, facts, perInputCallUs), notes: tryNotes(f, rows, best, facts), charts: charts(f, rows) };
}

/** Sum over the inputs of their median time in a busy worker, over the same on the main thread in the paired loops; 1 when either was not measured. */
function slowdown(f: TryFigures): number {
  const total = (perInput: readonly (readonly number[])[]): number => perInput.reduce((sum, calls) => sum + (calls.length === 0 ? 0 : median(calls)), 0);
  const inWorkers = total(f.workerCallMs);
  const onMain = total(f.mainCallMs);
  return inWorkers > 0 && onMain > 0 ? inWorkers / onMain : 1;
}

/** The smallest batch measurably faster than one call a task at `threads`, by the one rule, corrected over the batch sizes tried. */
function batchPaysFrom(rows: readonly TryRow[], threads: number): number | null {
  const single = rows.find((r) => r.mode === 'pool' && r.dedicated !== true && r.threads === threads && r.batch === 1);
  if (single === undefined) return null;
  const wall = (r: TryRow): number[] => r.samples.map((s) => s.wallMs);
  const batched = rows.filter((r) => r.mode === 'pool' && r.dedicated !== true && r.threads === threads && r.batch > 1 && r.checksumOk);
  const judged = batched.map((r) => againstBaseline(wall(r), wall(single)));
  const verdicts = decideFaster(judged.map((j) => ({ verdict: j.verdict, low: j.speedupLow, high: j.speedupHigh, candidate: true })));
  const paying = batched.filter((_, i) => verdicts[i]!.state === 'faster' || (verdicts[i]!.state === 'too-few' && judged[i]!.speedupLow > 1));
  return paying.length === 0 ? null : Math.min(...paying.map((r) => r.batch));
}

function charts(f: TryFigures, rows: readonly TryRow[]): SpeedupChartOptions[] {
  const pools = rows.filter((r) => r.mode === 'pool' && r.dedicated !== true);
  const batches = [...new Set(pools.map((r) => r.batch))];
  return batches.map((batch) => ({
    title: `${f.workload}: speedup vs the baseline by threads, ${batch} call${batch === 1 ? '' : 's'} a task`,
    points: pools.filter((r) => r.batch === batch).map((r) => ({ threads: r.threads, speedup: r.speedup })),
    cores: f.cores,
  }));
}
