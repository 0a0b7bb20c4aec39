import { breakEvenUs } from '../measure/break-even.ts';
import { median } from '../measure/stats.ts';
import { pairedVerdict } from '../measure/verdict.ts';
import type { SpeedupChartOptions } from '../draw/index.ts';
import type { ResultTable } from './experiment-result.ts';
import { formatBytes, formatMs, formatPercent, formatRatio } from './format.ts';
import { medianWithInterval, speedupWithInterval, verdictLegend } from './interval-text.ts';
import { bestRow, tryRows, type TryRow, type TrySubjectFigures } from './try-rows.ts';

/** Everything `try` measured, as its analysis reads it. */
export interface TryFigures {
  readonly workload: string;
  readonly kind: 'sync' | 'async' | 'generator';
  readonly cores: number;
  readonly maxThreads: number;
  readonly subjects: readonly TrySubjectFigures[];
  /** Per input: its calls' times in the timed baseline runs, ms. */
  readonly callMs: readonly (readonly number[])[];
  readonly inputBytes: readonly number[];
  readonly resultBytes: readonly number[];
  /** Per input, µs: round trips sending it to a worker and receiving its result, the empty call included. */
  readonly sendRoundTripsUs: readonly (readonly number[])[];
  readonly receiveRoundTripsUs: readonly (readonly number[])[];
  /** Empty-call round trips on the pool of `maxThreads`, µs. */
  readonly emptyUs: readonly number[];
}

export type TryFacts = {
  readonly bestMode: 'baseline' | 'interleaved' | 'pool';
  readonly bestSpeedup: number;
  /** 0 when the baseline or interleaving wins. */
  readonly bestThreads: number;
  /** 0 when the baseline or interleaving wins. */
  readonly bestBatch: number;
  readonly breakEvenUs: number | null;
  readonly emptyCallUs: number;
  readonly callUs: number;
  readonly transferUs: number;
  readonly inputBytes: number;
  readonly resultBytes: number;
  readonly cores: number;
  /** The smallest batch measurably faster than one call per task at the best pool's threads; null when none is. */
  readonly batchPaysFrom: number | null;
};

/** The rows, the facts and the verdict of a `try` run, computed from its figures alone. */
export function analyseTry(f: TryFigures): { rows: TryRow[]; facts: TryFacts; tables: ResultTable[]; notes: string[]; charts: SpeedupChartOptions[] } {
  const rows = tryRows(f.workload, f.subjects);
  const best = bestRow(rows)!;
  const pool = best.mode === 'pool';
  const perInputCallUs = f.callMs.map((calls) => median(calls) * 1000);
  const callUs = median(perInputCallUs);
  const emptyCallUs = median(f.emptyUs);
  // What moving the data adds to the empty call; noise can put a median under it, which is no cost.
  const beyondEmpty = (roundTrips: readonly number[]): number => Math.max(0, median(roundTrips) - emptyCallUs);
  const sendUs = f.sendRoundTripsUs.map(beyondEmpty);
  const receiveUs = f.receiveRoundTripsUs.map(beyondEmpty);
  const transfers = sendUs.map((s, i) => s + receiveUs[i]!);
  const batchThreads = pool ? best.threads : f.maxThreads;
  const facts: TryFacts = {
    bestMode: best.mode,
    bestSpeedup: best.speedup,
    bestThreads: pool ? best.threads : 0,
    bestBatch: pool ? best.batch : 0,
    breakEvenUs: breakEvenUs(emptyCallUs, f.maxThreads, f.cores),
    emptyCallUs,
    callUs,
    transferUs: median(transfers),
    inputBytes: median(f.inputBytes),
    resultBytes: median(f.resultBytes),
    cores: f.cores,
    batchPaysFrom: batchPaysFrom(rows, batchThreads),
  };
  return { rows, facts, tables: tables(f, rows, facts, median(sendUs), median(receiveUs), perInputCallUs), notes: tryNotes(f, rows, best, facts), charts: charts(f, rows) };
}

function batchPaysFrom(rows: readonly TryRow[], threads: number): number | null {
  const single = rows.find((r) => r.mode === 'pool' && r.threads === threads && r.batch === 1);
  if (single === undefined) return null;
  const wall = (r: TryRow): number[] => r.samples.map((s) => s.wallMs);
  const paying = rows.filter((r) => r.mode === 'pool' && r.threads === threads && r.batch > 1 && r.checksumOk).filter((r) => {
    const v = pairedVerdict(wall(r), wall(single));
    return v.state === 'faster' || (v.state === 'too-few' && r.maxMs < single.minMs);
  });
  return paying.length === 0 ? null : Math.min(...paying.map((r) => r.batch));
}

/** Microseconds to a tenth below 100, whole above: "12.3", "250". */
const us = (v: number): string => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

function tables(f: TryFigures, rows: readonly TryRow[], facts: TryFacts, sendUs: number, receiveUs: number, perInputCallUs: readonly number[]): ResultTable[] {
  return [
    {
      title: `${f.workload}: ${f.callMs.length} inputs, ${f.kind === 'async' ? 'an' : 'a'} ${f.kind} function, ${f.cores} cores`,
      head: ['mode', 'threads', 'batch', 'median ms [95% CI]', 'speedup vs baseline [95% CI]', 'efficiency', 'cpu ms', 'results'],
      rows: rows.map((r) => [
        r.mode,
        String(r.threads),
        r.mode === 'pool' ? String(r.batch) : '-',
        medianWithInterval(r),
        r.mode === 'baseline' ? formatRatio(r.speedup) : speedupWithInterval(r),
        formatPercent(r.efficiency),
        formatMs(r.cpuMs),
        r.checksumOk ? 'equal' : `DIFFERENT from input ${r.firstDifferent ?? '?'}`,
      ]),
      warnings: verdictLegend(rows.filter((r) => r.mode !== 'baseline'), 'baseline'),
    },
    {
      title: 'what one call costs (each input: the median of its calls in the timed loops), and moving its data (medians over the inputs)',
      head: ['call µs', 'per input µs (min-max)', 'input bytes', 'result bytes', 'send input µs', 'receive result µs', 'empty call µs', 'break-even µs'],
      rows: [[us(facts.callUs), `${us(Math.min(...perInputCallUs))}-${us(Math.max(...perInputCallUs))}`, String(facts.inputBytes), String(facts.resultBytes), us(sendUs), us(receiveUs), us(facts.emptyCallUs), facts.breakEvenUs === null ? '-' : us(facts.breakEvenUs)]],
    },
  ];
}

function charts(f: TryFigures, rows: readonly TryRow[]): SpeedupChartOptions[] {
  const batches = [...new Set(rows.filter((r) => r.mode === 'pool').map((r) => r.batch))];
  return batches.map((batch) => ({
    title: `${f.workload}: speedup vs the baseline by threads, ${batch} call${batch === 1 ? '' : 's'} a task`,
    points: rows.filter((r) => r.mode === 'pool' && r.batch === batch).map((r) => ({ threads: r.threads, speedup: r.speedup })),
    cores: f.cores,
  }));
}

/** The verdict and what stands behind it, every figure from this run. */
export function tryNotes(f: TryFigures, rows: readonly TryRow[], best: TryRow, facts: TryFacts): string[] {
  const notes: string[] = [];
  const differing = rows.filter((r) => !r.checksumOk);
  if (differing.length > 0) {
    notes.push(`RESULTS DIFFER: ${differing.map((r) => `${label(r)} from input ${r.firstDifferent ?? '?'}`).join('; ')}: those settings are left out of the verdict.`);
  }
  // As the table prints it ("2.50x [2.31-2.70]"), without its verdict mark: the note is the verdict.
  const speedup = speedupWithInterval({ repeats: best.repeats, speedup: best.speedup, speedupLow: best.speedupLow, speedupHigh: best.speedupHigh });
  if (best.mode === 'pool') notes.push(`Verdict: use a pool of ${best.threads} thread${best.threads === 1 ? '' : 's'} with ${best.batch} call${best.batch === 1 ? '' : 's'} a task: ${speedup} the speed of the plain loop.`);
  else if (best.mode === 'interleaved') notes.push(`Verdict: interleave the calls on one thread (start them all, then await them): ${speedup} the speed of the plain loop; worker threads are not needed.`);
  else notes.push(`Verdict: keep the plain loop: no setting was measurably faster than calling the function ${f.callMs.length} times on one thread (fastest other: ${fastestOther(rows)}).`);
  const usUnit = (v: number): string => `${us(v)} µs`;
  if (facts.breakEvenUs === null) {
    notes.push(`Only one thread is usable (${f.maxThreads} thread${f.maxThreads === 1 ? '' : 's'} on ${f.cores} core${f.cores === 1 ? '' : 's'}): a pool can add no parallelism here, only its ${usUnit(facts.emptyCallUs)} round trip per task.`);
  } else {
    const side = facts.callUs >= facts.breakEvenUs ? 'above' : 'below';
    notes.push(
      `One call takes ${usUnit(facts.callUs)} (median over the inputs); an empty call on the pool costs ${usUnit(facts.emptyCallUs)} round trip, so one call per task breaks even at ${usUnit(facts.breakEvenUs)} of work ` +
        `(cost × ${Math.min(f.maxThreads, f.cores)} / ${Math.min(f.maxThreads, f.cores) - 1} usable threads): this function is ${side} it${side === 'below' ? ', so a call per task cannot pay; batching spreads the cost over more work' : ''}.`,
    );
  }
  const batchThreads = best.mode === 'pool' ? best.threads : f.maxThreads;
  const pool = `the pool of ${batchThreads} thread${batchThreads === 1 ? '' : 's'}`;
  if (facts.batchPaysFrom === null) notes.push(`Batching did not pay: at ${batchThreads} thread${batchThreads === 1 ? '' : 's'}, no batch size was measurably faster than one call a task.`);
  else if (best.mode === 'pool') notes.push(`Batching pays: from ${facts.batchPaysFrom} calls a task, ${pool} was measurably faster than with one call a task.`);
  else notes.push(`Batching helps the pool but not enough: from ${facts.batchPaysFrom} calls a task, ${pool} was measurably faster than with one call a task, yet not faster than the plain loop.`);
  if (facts.transferUs > facts.callUs && facts.transferUs > facts.emptyCallUs) {
    notes.push(
      `Data transfer dominates: sending the ${formatBytes(facts.inputBytes, 'binary')} input and receiving the ${formatBytes(facts.resultBytes, 'binary')} result costs ${usUnit(facts.transferUs)}, more than the call itself (${usUnit(facts.callUs)}): ` +
        'keep the data in the worker (load or build it there), or transfer it (an ArrayBuffer in the transfer list, or a SharedArrayBuffer) instead of copying it.',
    );
  }
  const base = rows[0]!;
  const cpuShare = base.cpuMs / base.medianMs;
  if (f.kind !== 'sync' && cpuShare < 0.5) {
    notes.push(`The function mostly waits: the plain loop used ${formatMs(base.cpuMs)} ms of CPU in ${formatMs(base.medianMs)} ms (${formatPercent(cpuShare)}); waits overlap on one thread when the calls are interleaved, and threads would only add copies of the same waiting.`);
  }
  return notes;
}

function fastestOther(rows: readonly TryRow[]): string {
  const other = rows.filter((r) => r.mode !== 'baseline').sort((a, b) => a.medianMs - b.medianMs)[0];
  return other === undefined ? 'none measured' : `${label(other)} at ${formatRatio(other.speedup)}`;
}

function label(r: TryRow): string {
  return r.mode === 'pool' ? `pool of ${r.threads} with batch ${r.batch}` : r.mode;
}
