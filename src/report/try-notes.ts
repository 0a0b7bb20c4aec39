import { roundsForCorrectedTest } from '../measure/corrected-rounds.ts';
import { MIN_PAIRED_ROUNDS } from '../measure/verdict.ts';
import { formatBytes, formatMs, formatPercent, formatRatio } from './format.ts';
import { againstBaseline } from '../measure/against-baseline.ts';
import { formatP, speedupWithInterval } from './interval-text.ts';
import { decideFaster } from './try-verdicts.ts';
import type { TryFacts, TryFigures } from './try-figures.ts';
import { breakEvenNote } from './try-break-even-note.ts';
import type { TryRow } from './try-rows.ts';
import { us } from './try-tables.ts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The verdict and what stands behind it, every figure from this run. */
export function tryNotes(f: TryFigures, rows: readonly TryRow[], best: TryRow, facts: TryFacts): string[] {
  const notes: string[] = [];
  const differing = rows.filter((r) => !r.checksumOk);
  if (differing.length > 0) {
    notes.push(`RESULTS DIFFER: ${differing.map((r) => `${label(r)} from input ${r.firstDifferent ?? '?'}`).join('; ')}: those settings are left out of the verdict.`);
  }
  // As the table prints it ("2.50x [2.31-2.70]"), without its verdict mark: the note is the verdict.
  const speedup = speedupWithInterval({ repeats: best.repeats, speedup: best.speedup, speedupLow: best.speedupLow, speedupHigh: best.speedupHigh });
  if (best.mode === 'pool') notes.push(`Verdict: use a pool of ${plural(best.threadsUsed, 'thread')} with ${plural(best.batch, 'call')} a task: ${speedup} the speed of the plain loop.`);
  else if (best.mode === 'interleaved') notes.push(`Verdict: interleave the calls on one thread (start them all, then await them): ${speedup} the speed of the plain loop; worker threads are not needed.`);
  else notes.push(`Verdict: keep the plain loop: no setting was measurably faster than calling the function ${f.callMs.length} times on one thread (fastest other: ${fastestOther(rows)}).`);
  notes.push(...breakEvenNote(f, rows, facts));
  const batchThreads = best.mode === 'pool' ? best.threads : f.maxThreads;
  const pool = `the pool of ${plural(batchThreads, 'thread')}`;
  if (facts.batchPaysFrom === null) notes.push(`Batching did not pay: at ${plural(batchThreads, 'thread')}, no batch size was measurably faster than one call a task.`);
  else if (best.mode === 'pool') notes.push(`Batching pays: from ${facts.batchPaysFrom} calls a task, ${pool} was measurably faster than with one call a task (Holm-corrected over the batch sizes).`);
  else notes.push(`Batching helps the pool but not enough: from ${facts.batchPaysFrom} calls a task, ${pool} was measurably faster than with one call a task, yet not faster than the plain loop.`);
  if (facts.transferUs > facts.callUs && facts.transferUs > facts.emptyCallUs) {
    notes.push(
      `Data transfer dominates: sending the ${formatBytes(facts.inputBytes, 'binary')} input and receiving the ${formatBytes(facts.resultBytes, 'binary')} result costs ${us(facts.transferUs)} µs, more than the call itself (${us(facts.callUs)} µs): ` +
        'keep the data in the worker (load or build it there), or transfer it (an ArrayBuffer in the transfer list, or a SharedArrayBuffer) instead of copying it.',
    );
  }
  const base = rows[0]!;
  const cpuShare = base.cpuMs / base.medianMs;
  if (f.kind !== 'sync' && cpuShare < 0.5) {
    notes.push(`The function mostly waits: the plain loop used ${formatMs(base.cpuMs)} ms of CPU in ${formatMs(base.medianMs)} ms (${formatPercent(cpuShare)}); waits overlap on one thread when the calls are interleaved, and threads would only add copies of the same waiting.`);
  }
  notes.push(...tooFewToCorrect(rows), ...aaNote(rows), runCostNote(f, facts));
  return notes;
}

/** With rounds too few for Holm's correction over the settings (`--repeats` set low), no setting could be called faster: say so, and how many would do. */
function tooFewToCorrect(rows: readonly TryRow[]): string[] {
  const settings = rows.filter((r) => r.mode !== 'baseline' && r.dedicated !== true).length;
  const rounds = rows[0]!.repeats;
  const needed = roundsForCorrectedTest(settings);
  if (rounds < MIN_PAIRED_ROUNDS || rounds >= needed) return [];
  return [`With ${rounds} rounds no setting could be called faster: chosen among ${settings}, its p is corrected ${settings}-fold (Holm), and ${rounds} rounds cannot get below 0.05 / ${settings}; give --repeats ${needed} or more.`];
}

/** The A/A row: the shared pool held to t tasks in flight must measure as a dedicated t-thread pool does, tested pairwise round by round. */
function aaNote(rows: readonly TryRow[]): string[] {
  const twin = rows.find((r) => r.dedicated === true);
  const shared = twin && rows.find((r) => r.mode === 'pool' && r.dedicated !== true && r.threads === twin.threads && r.batch === twin.batch);
  if (twin === undefined || shared === undefined) return [];
  const wall = (r: TryRow): number[] => r.samples.map((s) => s.wallMs);
  const judged = againstBaseline(wall(shared), wall(twin));
  const [verdict] = decideFaster([{ verdict: judged.verdict, low: judged.speedupLow, high: judged.speedupHigh, candidate: false }]);
  const outcome =
    verdict!.state === 'too-few'
      ? `too few rounds to test (n = ${verdict!.n})`
      : verdict!.state === 'same'
        ? `no measurable difference (${formatP(verdict!.p)})`
        : `the shared pool measurably ${verdict!.state} (${formatP(verdict!.p)}): its rows may be off by as much`;
  const ratio = speedupWithInterval({ repeats: twin.repeats, speedup: judged.speedup, speedupLow: judged.speedupLow, speedupHigh: judged.speedupHigh });
  return [
    `A/A: every thread count runs on one pool of ${Math.max(...rows.map((r) => r.threads))} threads, at most t tasks in flight for t threads; a pool of exactly ${plural(twin.threads, 'thread')} ran beside it at batch ${twin.batch}: ` +
      `${formatMs(twin.medianMs)} ms against the shared pool's ${formatMs(shared.medianMs)} ms (its own pool's time / the shared pool's: ${ratio}), ${outcome}.`,
  ];
}

function runCostNote(f: TryFigures, facts: TryFacts): string {
  const rounds = plural(facts.warmupRounds, 'warm-up round');
  const how = f.warmups.fixed ? '--warmups' : f.warmups.quick === true ? '--quick: one, not until warm' : 'until the loop stopped getting faster by 5% or more, at most 10';
  const warm = `${rounds} (${how})`;
  return `This run took ${formatMs(f.runMs / 1000)} s, ${facts.runLoops.toFixed(0)} times one plain loop over the inputs, with ${warm}.`;
}

function fastestOther(rows: readonly TryRow[]): string {
  const other = rows.filter((r) => r.mode !== 'baseline' && r.dedicated !== true).sort((a, b) => a.medianMs - b.medianMs)[0];
  return other === undefined ? 'none measured' : `${label(other)} at ${formatRatio(other.speedup)}`;
}

export function label(r: TryRow): string {
  if (r.mode !== 'pool') return r.mode;
  const used = r.threadsUsed < r.threads ? ` (${plural(r.threadsUsed, 'thread')} used)` : '';
  return `pool of ${r.threads} with batch ${r.batch}${used}`;
}
