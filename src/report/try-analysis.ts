import { againstBaseline } from '../measure/against-baseline.ts';
import { breakEven, breakEvenMargin } from '../measure/break-even.ts';
import { median } from '../measure/stats.ts';
import type { SpeedupChartOptions } from '../draw/index.ts';
import type { ResultTable } from './experiment-result.ts';
import type { TryFacts, TryFigures } from './try-figures.ts';
import { tryFloorFacts, tryFloorNote } from './try-floor.ts';
import { tryNotes } from './try-notes.ts';
import { bestRow, tryRows, type TryRow } from './try-rows.ts';
import { tryTables } from './try-tables.ts';
import { decideFaster } from './try-verdicts.ts';

export type { TryFacts, TryFigures } from './try-figures.ts';

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
    ...tryFloorFacts(f.postMessageFloor, rows, f.callMs.length),
  };
  const notes = [...tryNotes(f, rows, best, facts), ...tryFloorNote(facts, f.postMessageFloorSkipped)];
  return { rows, facts, tables: tryTables(f, rows, facts, perInputCallUs), notes, charts: charts(f, rows) };
}

/**
 * The calls' time inside the workers over the loop's calls in the same round, the median over the
 * rounds, in the pool run at the usable threads (or the most swept below them) with the largest
 * batch that still gives every thread a task: every thread busy, as in a pool that pays, while the
 * calls run back to back as in the loop, so that what a task's hand-off costs stays in the hand-off.
 */
function slowdown(f: TryFigures): number {
  const usable = Math.min(f.maxThreads, f.cores);
  const inputs = f.callMs.length;
  const pools = f.subjects.filter((s) => s.mode === 'pool' && s.dedicated !== true && s.threads <= usable && s.workerCallMs !== undefined);
  const threads = Math.max(0, ...pools.map((s) => s.threads));
  const candidates = pools.filter((s) => s.threads === threads).sort((a, b) => a.batch - b.batch);
  const busy = candidates.filter((s) => Math.ceil(inputs / s.batch) >= threads).at(-1) ?? candidates[0];
  const loopMs = (round: number): number => f.callMs.reduce((sum, calls) => sum + (calls[round] ?? Number.NaN), 0);
  const ratios = (busy?.workerCallMs ?? []).map((ms, round) => ms / loopMs(round)).filter((r) => Number.isFinite(r) && r > 0);
  return ratios.length === 0 ? 1 : median(ratios);
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
