// Sentences from the granularity analysis: every comparison with its test.
import type { ModeName } from '../../src/modes/index.ts';
import { baselineVsWorker } from '../../src/report/cpu-cost.ts';
import { formatIntervalEnds, formatPercent, formatRatio } from '../../src/report/format.ts';
import { impossibleNotes } from '../../src/report/impossible-notes.ts';
import { comparedWith, fasterOrSlower, verdictBetween } from '../../src/experiment/compared-with.ts';
import { crossoverPhrase } from '../../src/experiment/crossover-phrase.ts';
import { rowOf } from '../../src/experiment/mode-rows.ts';
import { verdictAgainstSequential, type DispatchRow } from '../../src/experiment/dispatch-fit.ts';
import { type Estimate } from '../../src/experiment/dispatch-intervals.ts';
import { clearlyAbove, clearlyBelow, intervalClause, intervalKnown, withInterval } from '../../src/experiment/estimate-text.ts';
import { checksumWarning } from '../../src/report/checksum-warning.ts';
import { AA_SUBJECT, DISPATCH_MODES, us, type FittedSubject, type GranularityAnalysis, type SizeAnalysis } from './analysis.ts';

/** What batching did to the per-task cost, judged by the interval of hybrid / parallel fitted cost (its value alone without one). */
function batchingVerdict(ratio: Estimate): string {
  if (!clearlyBelow(ratio, 1)) return 'Batching did not measurably lower that cost here';
  return ratio.value < 0.5 ? 'Batching removed most of that cost' : 'Batching removed some of that cost';
}

/** Work per task at which a per-task cost is paid back by `usable` threads sharing the work (with the cost's interval carried over). */
function breakEvenUs(cost: Estimate, usable: number): Estimate {
  const at = (overheadUs: number): number => (usable > 1 ? (overheadUs * usable) / (usable - 1) : Number.POSITIVE_INFINITY);
  return { value: at(cost.value), low: at(cost.low), high: at(cost.high) };
}

/** Sentences from the analysis: where each pool starts to pay, what one task costs to hand out, what the lab's instrumentation adds, what batching saves; every comparison with its test. */
export function interpretGranularity(a: GranularityAnalysis, threads: number): string[] {
  const smallest = a.sizes[0]!;
  const largest = a.sizes[a.sizes.length - 1]!;
  const e = a.estimates;
  const at = (s: SizeAnalysis, mode: ModeName): DispatchRow => rowOf(s.rows, mode);
  const against = (s: SizeAnalysis, mode: ModeName): string => fasterOrSlower(at(s, mode).speedup, verdictAgainstSequential(s, at(s, mode)));
  const workAt = (units: number): string => us(a.sizes.find((s) => s.unitsPerTask === units)?.workPerTaskUs ?? units * a.usPerUnit);
  const fittedOver = a.fittedSizes.length === a.sizes.length ? 'all sizes' : a.fittedSizes.length === 0 ? 'no size: every one was impossible for some mode' : `${a.fittedSizes.join(', ')} units/task`;
  const fitNote = (x: Estimate): string => `fitted over ${fittedOver}${intervalClause(x, us)}`;
  const breakEven = breakEvenUs(e.parallel, a.usable);
  const plainBreakEven = breakEvenUs(e.piscina, a.usable);
  const hybridSmall = at(smallest, 'hybrid');
  const parallelSmall = at(smallest, 'parallel');
  const idealLargest = at(largest, 'sequential').medianMs / largest.idealParallelMs;
  const subjects: readonly FittedSubject[] = a.aa ? [...DISPATCH_MODES, AA_SUBJECT] : DISPATCH_MODES;
  const flagged = a.sizes.flatMap((s) => subjects.flatMap((mode) => (s.impossible[mode] === undefined ? [] : [{ workload: `${s.unitsPerTask} units/task`, mode, impossible: s.impossible[mode] }])));
  const leftOut = subjects.filter((mode) => (a.leftOutOfFit[mode]?.length ?? 0) > 0).map((mode) => `${mode} left out ${a.leftOutOfFit[mode]!.join(', ')} units/task`);
  const cause = baselineVsWorker(a.sizes.flatMap((s) => s.rows));
  const atSmallest = verdictAgainstSequential(smallest, parallelSmall);
  return [
    ...checksumWarning(a.sizes.flatMap((s) => [...s.rows, ...(s.aaPiscina === undefined ? [] : [{ ...s.aaPiscina, mode: AA_SUBJECT }])])),
    ...impossibleNotes(flagged, Number.isFinite(cause) ? cause : undefined),
    ...(leftOut.length === 0
      ? []
      : [`The fitted overheads leave the impossible points out (not clamped to zero): ${leftOut.join('; ')}. Every mode is fitted on the same sizes, those possible for all (${fittedOver}), so that their costs compare the same work.`]),
    `How small can a task be: ${crossoverPhrase(a.piscinaCrossover, `a plain Piscina pool on ${threads} threads`, workAt)}; it cost ${us(e.piscina.value)} of wall time per task (${fitNote(e.piscina)})` +
      (e.piscina.value > 0 && Number.isFinite(plainBreakEven.value) ? `, which predicts a break-even at ${withInterval(plainBreakEven, us)} of work per task.` : '.'),
    `The lab's traced parallel mode: ${crossoverPhrase(a.crossover, `parallel on ${threads} threads`, workAt)}; at ${us(largest.workPerTaskUs)} per task (ideal ${formatRatio(idealLargest)}) it was ${against(largest, 'parallel')}, ` +
      `at ${us(smallest.workPerTaskUs)} ${against(smallest, 'parallel')}.` +
      (at(largest, 'parallel').speedup < 0.75 * idealLargest
        ? ` Even the largest tasks reached only ${formatPercent(at(largest, 'parallel').speedup / idealLargest)} of the ideal: the cores were probably not free, so the crossover here is later than on a quiet machine.`
        : ''),
    `Each task handed to a worker by the lab's parallel mode cost about ${us(e.parallel.value)} of wall time (${fitNote(e.parallel)}; ${us(smallest.overheadUs.parallel)} at the smallest): ` +
      `a message to a worker and back, the task rebuilt and run under a scheduler with its steps recorded, and the pool's bookkeeping. ` +
      (!clearlyAbove(e.parallel, 0)
        ? `The fit found no cost measurably above zero${intervalKnown(e.parallel) ? ' (its interval reaches zero)' : ''}, so this run cannot place a break-even.`
        : Number.isFinite(breakEven.value)
          ? `With ${a.usable} threads able to run at once that predicts a break-even at ${withInterval(breakEven, us)} of work per task: below it, handing out work costs more than sharing it saves` +
            (atSmallest.state === 'slower' ? `, which is why one thread beat the pool on small tasks (measurably: ${fasterOrSlower(parallelSmall.speedup, atSmallest)} at ${us(smallest.workPerTaskUs)}).` : '.')
          : 'With one usable core, threads can only add that cost.'),
    instrumentationSentence(a),
    `${batchingVerdict(e.hybridVsParallel)}: hybrid sends each worker one message with its whole share, and paid about ${us(e.hybrid.value)} per task (fitted${intervalClause(e.hybrid, us)})` +
      (Number.isFinite(e.hybridVsParallel.value) ? `, ${withInterval(e.hybridVsParallel, formatRatio)} parallel's cost` : '') +
      '; ' +
      `at the smallest size it was ${comparedWith(parallelSmall.medianMs / hybridSmall.medianMs, 'parallel', verdictBetween(hybridSmall, parallelSmall))} and ${comparedWith(hybridSmall.speedup, 'sequential', verdictAgainstSequential(smallest, hybridSmall))}.`,
    ...aaSentences(a),
  ];
}

/** What the lab's instrumentation costs beyond the plain pool, and what recording steps costs, with intervals and the paired test at the largest size. */
function instrumentationSentence(a: GranularityAnalysis): string {
  const e = a.estimates;
  const paired = a.parallelVsPiscina;
  const atLargest =
    paired === undefined
      ? `at the largest size parallel reached ${formatPercent(a.parallelSpeedupVsPiscina)} of the plain pool's speedup.`
      : `at the largest size parallel reached ${formatPercent(a.parallelSpeedupVsPiscina)} of the plain pool's speedup (per round: 95% interval ${formatIntervalEnds(paired.interval.low, paired.interval.high, formatPercent)}; ` +
        `${comparedWith(a.parallelSpeedupVsPiscina, 'piscina', paired.verdict)}).`;
  return (
    `The cost of the lab's instrumentation: ${withInterval(e.instrumentation, us)} per task beyond the plain pool's ${us(e.piscina.value)} ` +
    `(parallel/piscina fitted overhead ${Number.isFinite(e.parallelVsPiscina.value) ? withInterval(e.parallelVsPiscina, formatRatio) : "none: the plain pool's fit is not above zero"}); ${atLargest}` +
    (Number.isNaN(e.untracedParallel.value)
      ? ''
      : ` Recording every step cost ${withInterval(e.stepRecording, us)} per task` +
        (intervalKnown(e.stepRecording) && !clearlyAbove(e.stepRecording, 0) && !clearlyBelow(e.stepRecording, 0) ? ', no cost measurably different from zero' : '') +
        `: parallel paid ${withInterval(e.untracedParallel, us)} per task with --no-steps (fitted alike).`)
  );
}

/** Under `--aa`: the twin's cost against piscina's, and whether the instrument shows a bias of its own. */
function aaSentences(a: GranularityAnalysis): string[] {
  if (!a.aa) return [];
  const e = a.estimates;
  const largest = a.sizes[a.sizes.length - 1]!;
  const twin = largest.aaPiscina!;
  const piscina = rowOf(largest.rows, 'piscina');
  const judged = !intervalKnown(e.aaRatio)
    ? 'No interval (too few rounds, or a fit not above zero): this A/A check cannot say whether the instrument is biased.'
    : e.aaRatio.low <= 1 && e.aaRatio.high >= 1
      ? 'Its interval includes 1: no bias of the instrument that this run can measure.'
      : 'Its interval excludes 1: the instrument itself moved one of two identical subjects by that much (run order, or the pool\'s state), so a difference of that size between modes is not theirs.';
  return [
    `A/A check: ${AA_SUBJECT}, a second identical piscina subject with its own place in the run order and its own runs on the same warm pool, ` +
      `cost ${withInterval(e.piscinaAa, us)} per task against piscina's ${us(e.piscina.value)}: a ratio of ${withInterval(e.aaRatio, formatRatio)}. ${judged} ` +
      `At the largest size it was ${comparedWith(piscina.medianMs / twin.medianMs, 'piscina', verdictBetween(twin, piscina))}.`,
  ];
}
