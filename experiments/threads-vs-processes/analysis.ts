import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import type { CrashFigures } from './crash-isolation.ts';
import type { StartUpTimes } from './start-up.ts';
import { median } from '../../src/measure/stats.ts';
import { pairByRound } from '../../src/measure/samples.ts';
import { pairedRatioInterval } from '../../src/measure/ratio-interval.ts';
import { pairedVerdict, unpairedVerdict, type Verdict } from '../../src/measure/verdict.ts';
import type { ResultTable } from '../../src/report/experiment-result.ts';
import { formatMs, formatPercent, formatRatio } from '../../src/report/format.ts';
import { formatP } from '../../src/report/interval-text.ts';
import { comparedWith } from '../../src/experiment/compared-with.ts';
import { mannWhitneyOver, ratioWithVerdict, wilcoxonOver } from '../../src/experiment/ratio-with-verdict.ts';
import { rowOf } from '../../src/experiment/mode-rows.ts';
import { checksumWarning } from '../../src/report/checksum-warning.ts';
import { startOverBareClause, startOverBareFacts, type StartOverBareFacts } from './start-over-bare.ts';

/** What `measure` hands to `analyse`: everything measured, nothing computed. */
export interface ThreadsVsProcessesFigures {
  /** Threads in the pool, and processes in the process pool (the same unless `--processes` says otherwise). */
  readonly threads: number;
  readonly processes: number;
  /** Tasks of the cpu-bound workload. */
  readonly tasks: number;
  /** Workers started at once in each start-up round, threads and processes alike (`--threads`, whatever `--processes` says). */
  readonly startedPerRound: number;
  readonly startUps: StartUpTimes;
  /** One task to a warm worker and back, µs, in timing order. */
  readonly roundTripUs: { readonly thread: readonly number[]; readonly process: readonly number[] };
  /** cpu-bound work in sequential, parallel and processes modes. */
  readonly rows: readonly ModeComparison[];
  readonly crash: CrashFigures;
}

/**
 * With `StartOverBareFacts`: the lab's own thread and process over bare ones, start to first message, in the same rounds,
 * each with the 95% interval of the per-round ratio.
 */
export type ThreadsVsProcessesFacts = StartOverBareFacts & {
  readonly threadStartMs: number;
  readonly processStartMs: number;
  readonly threadBareStartMs: number;
  readonly threadTsxStartMs: number;
  readonly processBareStartMs: number;
  readonly processTsxStartMs: number;
  /** (tsx-loaded Node - bare Node) / the lab's own start-up: what the loader would add to the lab's worker, a share of what it takes now (which, compiled, pays none of it). */
  readonly tsxShareOfThreadStart: number;
  readonly tsxShareOfProcessStart: number;
  readonly processStartOverThread: number;
  /** 1 when processes took longer to start than threads in this run (medians), else 0: a reading, not a verdict (see `startUpP`). */
  readonly processesStartSlower: number;
  /** Wilcoxon signed-rank p of the lab's process start-ups against its thread start-ups, paired by round; NaN (null in JSON) below 6 rounds. */
  readonly startUpP: number;
  readonly threadRoundTripUs: number;
  readonly processRoundTripUs: number;
  readonly processRoundTripOverThread: number;
  /** Mann-Whitney U p of the process round trips against the thread round trips; NaN (null in JSON) when too few. */
  readonly roundTripP: number;
  readonly parallelSpeedup: number;
  readonly processesSpeedup: number;
  /** Median time of the processes mode over that of the parallel mode on the same work. */
  readonly processesOverParallel: number;
  /** 95% interval of the per-round ratio processes / parallel (paired rounds); NaN (null in JSON) without two paired rounds. */
  readonly processesOverParallelLow: number;
  readonly processesOverParallelHigh: number;
  /** Wilcoxon signed-rank p of processes against parallel, paired by round; NaN (null in JSON) below 6 rounds. */
  readonly processesOverParallelP: number;
  readonly crashEndedProcesses: number;
  readonly crashSurvivingProcesses: number;
  readonly crashReplaceMs: number;
};

export type ThreadsVsProcessesRow = { readonly vessel: 'thread' | 'process'; readonly startMs: number; readonly bareStartMs: number; readonly tsxStartMs: number; readonly roundTripUs: number; readonly speedup: number; readonly medianMs: number };

const us = (v: number): string => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} µs`;
const ms = (v: number): string => `${formatMs(v)} ms`;

/** The facts, from the figures alone. */
export function threadsVsProcessesFacts(f: ThreadsVsProcessesFigures): ThreadsVsProcessesFacts {
  const start = (vessel: 'thread' | 'process', kind: 'bare' | 'tsx' | 'lab'): number => median(f.startUps[vessel][kind]);
  const threadStartMs = start('thread', 'lab');
  const processStartMs = start('process', 'lab');
  const threadRoundTripUs = median(f.roundTripUs.thread);
  const processRoundTripUs = median(f.roundTripUs.process);
  const parallel = rowOf(f.rows, 'parallel');
  const processes = rowOf(f.rows, 'processes');
  const interval = processesOverParallelInterval(f);
  return {
    threadStartMs,
    processStartMs,
    threadBareStartMs: start('thread', 'bare'),
    threadTsxStartMs: start('thread', 'tsx'),
    processBareStartMs: start('process', 'bare'),
    processTsxStartMs: start('process', 'tsx'),
    ...startOverBareFacts(f.startUps),
    tsxShareOfThreadStart: (start('thread', 'tsx') - start('thread', 'bare')) / threadStartMs,
    tsxShareOfProcessStart: (start('process', 'tsx') - start('process', 'bare')) / processStartMs,
    processStartOverThread: processStartMs / threadStartMs,
    processesStartSlower: processStartMs > threadStartMs ? 1 : 0,
    startUpP: pOf(startUpVerdict(f)),
    threadRoundTripUs,
    processRoundTripUs,
    processRoundTripOverThread: processRoundTripUs / threadRoundTripUs,
    roundTripP: pOf(roundTripVerdict(f)),
    parallelSpeedup: parallel.speedup,
    processesSpeedup: processes.speedup,
    processesOverParallel: processes.medianMs / parallel.medianMs,
    processesOverParallelLow: interval?.low ?? Number.NaN,
    processesOverParallelHigh: interval?.high ?? Number.NaN,
    processesOverParallelP: pOf(processesVerdict(f)),
    crashEndedProcesses: f.crash.ended,
    crashSurvivingProcesses: f.crash.survived,
    crashReplaceMs: f.crash.replaceMs,
  };
}

/** Start-up and round trip side by side, thread against process. */
export function threadsVsProcessesTable(f: ThreadsVsProcessesFigures): ResultTable {
  const spread = (v: readonly number[]): string => `${formatMs(Math.min(...v))}-${formatMs(Math.max(...v))}`;
  const row = (vessel: 'thread' | 'process', count: number): string[] => [
    `${count} ${vessel}${count === 1 ? '' : 'es'.slice(vessel === 'thread' ? 1 : 0)}`,
    `${formatMs(median(f.startUps[vessel].bare))} (${spread(f.startUps[vessel].bare)})`,
    `${formatMs(median(f.startUps[vessel].tsx))} (${spread(f.startUps[vessel].tsx)})`,
    `${formatMs(median(f.startUps[vessel].lab))} (${spread(f.startUps[vessel].lab)})`,
    us(median(f.roundTripUs[vessel])),
  ];
  return {
    title: `start-up (ms, median and range over ${f.startUps.thread.lab.length} starts, all of a pool at once, until the last is ready) and round trip of one task (µs, median of ${f.roundTripUs.thread.length})`,
    head: ['started', 'bare Node', 'Node + tsx loader', "the lab's worker", 'round trip'],
    rows: [row('thread', f.startedPerRound), row('process', f.startedPerRound)],
  };
}

/** The lab's process start-ups against its thread start-ups: both kinds started in every round, so the rounds pair them. */
export function startUpVerdict(f: ThreadsVsProcessesFigures): Verdict {
  return pairedVerdict(f.startUps.process.lab, f.startUps.thread.lab);
}

/** Process round trips against thread round trips: timed in blocks, not pairs, so Mann-Whitney U. */
export function roundTripVerdict(f: ThreadsVsProcessesFigures): Verdict {
  return unpairedVerdict(f.roundTripUs.process, f.roundTripUs.thread);
}

/** The processes mode against the parallel mode on the cpu-bound work, paired by the rounds both ran (undefined without samples). */
export function processesVerdict(f: ThreadsVsProcessesFigures): Verdict | undefined {
  const processes = rowOf(f.rows, 'processes');
  const parallel = rowOf(f.rows, 'parallel');
  if (processes.samples === undefined || parallel.samples === undefined) return undefined;
  const paired = pairByRound(processes.samples, parallel.samples);
  return pairedVerdict(paired.a, paired.b);
}

/** The 95% interval of the per-round ratio processes / parallel, from two paired rounds on. */
function processesOverParallelInterval(f: ThreadsVsProcessesFigures): { low: number; high: number } | undefined {
  const processes = rowOf(f.rows, 'processes');
  const parallel = rowOf(f.rows, 'parallel');
  if (processes.samples === undefined || parallel.samples === undefined) return undefined;
  const paired = pairByRound(processes.samples, parallel.samples);
  return paired.a.length < 2 ? undefined : pairedRatioInterval(paired.a, paired.b);
}

const pOf = (v: Verdict | undefined): number => (v === undefined || v.state === 'too-few' ? Number.NaN : v.p);

/** Sentences computed from the figures (and the facts computed from them): what processes cost against threads, and what they buy. */
export function interpretThreadsVsProcesses(f: ThreadsVsProcessesFigures, facts: ThreadsVsProcessesFacts = threadsVsProcessesFacts(f)): string[] {
  const started = f.startedPerRound;
  const processesRow = rowOf(f.rows, 'processes');
  const parallelRow = rowOf(f.rows, 'parallel');
  const workers = processesRow.threads;
  const startUp = startUpVerdict(f);
  const startTest = wilcoxonOver(startUp.n);
  const roundTrip = roundTripVerdict(f);
  const tripTest = mannWhitneyOver(f.roundTripUs.process.length, f.roundTripUs.thread.length, 'round trips');
  const startRatio = ratioWithVerdict(facts.processStartOverThread, startUp, startTest);
  const tripRatio = ratioWithVerdict(facts.processRoundTripOverThread, roundTrip, tripTest);
  return [
    ...checksumWarning(f.rows),
    `Start-up: ${startUpClaim(startUp, startTest)}: ${ms(facts.processStartMs)} for ${started} forked process${started === 1 ? '' : 'es'} ` +
      `against ${ms(facts.threadStartMs)} for ${started} worker thread${started === 1 ? '' : 's'} (${startRatio}). ` +
      `Against bare Node, a one-line file that says it is up, started the same way in the same rounds: ${startOverBareClause(f.startUps, 'process', facts.processBareStartMs)}, ` +
      `and ${startOverBareClause(f.startUps, 'thread', facts.threadBareStartMs)}; the difference is the lab's own modules. ` +
      `The tsx loader alone adds ${ms(facts.processTsxStartMs - facts.processBareStartMs)} to a process and ${ms(facts.threadTsxStartMs - facts.threadBareStartMs)} to a thread, ` +
      "which a worker pays only when it loads TypeScript (the lab run from its sources, a user's .ts module); a warm pool pays its start-up once.",
    `Round trip of one tiny task: ${us(facts.processRoundTripUs)} to a process against ${us(facts.threadRoundTripUs)} to a thread (medians; ${tripRatio}): ` +
      'a message to a process is serialised, written to a pipe and read by another event loop; to a thread it is cloned within one process (and the lab sends only a task number).',
    `cpu-bound work, ${workers} at a time: processes were ${comparedWith(processesRow.speedup, 'sequential', processesRow.verdict)} and threads ${comparedWith(parallelRow.speedup, 'sequential', parallelRow.verdict)}; ` +
      handOver(facts, f.tasks, processesRow.medianMs - parallelRow.medianMs, processesVerdict(f)),
    crashNote(f.crash),
    'What processes buy: each has its own heap and its own runtime, so what kills a runtime outright (an abort, a fatal out-of-memory error without resource limits, a faulty native addon) ends one process and not the lab; ' +
      "in a worker thread the same crash ends every thread of the lab's process. (process.exit in a worker thread ends only that thread: Node contains that much.) " +
      `What they cost, measured here: the start-up (${startRatio}), the round trip (${tripRatio}), and a whole Node runtime of memory each.`,
  ];
}

/** Whether processes started slower than threads, said only as far as the paired test allows. */
function startUpClaim(v: Verdict, test: string): string {
  switch (v.state) {
    case 'slower':
      return `processes started measurably slower than threads (${formatP(v.p)}, ${test})`;
    case 'faster':
      return `processes started measurably faster than threads in this run (${formatP(v.p)}, ${test})`;
    case 'same':
      return `no measurable difference between the start-up of processes and of threads in this run (${formatP(v.p)}, ${test})`;
    case 'too-few':
      return `too few rounds to tell whether processes start slower than threads (n = ${v.n}; a paired test needs 6)`;
  }
}

/** The processes' time against the threads' on the cpu-bound work, by its paired verdict, and what the hand-over explains of a measured difference. */
function handOver(facts: ThreadsVsProcessesFacts, tasks: number, extraMs: number, verdict: Verdict | undefined): string {
  const perTaskUs = facts.processRoundTripUs - facts.threadRoundTripUs;
  const explainedMs = (perTaskUs * tasks) / 1000;
  const cost = `${us(Math.abs(perTaskUs))} ${perTaskUs >= 0 ? 'more' : 'less'} per task for the hand-over, ${ms(Math.abs(explainedMs))} over the run's ${tasks} tasks`;
  const interval = Number.isFinite(facts.processesOverParallelLow) ? ` [${facts.processesOverParallelLow.toFixed(2)}-${facts.processesOverParallelHigh.toFixed(2)}]` : '';
  const took = `the processes took ${formatRatio(facts.processesOverParallel)}${interval} the threads' time`;
  if (verdict === undefined) return `${took}, untested: no samples were kept, so this run cannot say whether a process computes slower than a thread.`;
  if (verdict.state === 'too-few') return `${took}, too few repeats for a verdict (n = ${verdict.n}): this run cannot say whether a process computes slower than a thread.`;
  const test = wilcoxonOver(verdict.n);
  if (verdict.state === 'same') {
    return `${took}: no measurable difference (${formatP(verdict.p)}, ${test}); once warm, a process computed as fast as a thread here, and ${cost} did not show beside the work.`;
  }
  if ((verdict.state === 'slower') !== facts.processesOverParallel > 1) {
    return `${took}; the paired test found a difference (${formatP(verdict.p)}, ${test}) in the direction the medians do not show, so this run claims neither.`;
  }
  const percent = formatPercent(Math.abs(facts.processesOverParallel - 1));
  if (verdict.state === 'faster') {
    return `${took}, ${percent} faster (${formatP(verdict.p)}, ${test}); ${cost} cannot explain that, and nothing else this experiment measured does.`;
  }
  const explained = explainedMs >= extraMs ? 'all of it' : `${formatPercent(Math.max(0, explainedMs) / extraMs)} of it; nothing else this experiment measured explains the rest`;
  return `${took}, ${percent} slower (${formatP(verdict.p)}, ${test}), ${ms(Math.max(0, extraMs))} more; ${cost} explains ${explained}.`;
}

function crashNote(crash: CrashFigures): string {
  const kept = crash.survived === crash.processes - 1 && crash.ended === 1;
  return (
    `Isolation: a task that ran the exit fault ended ${crash.ended} of the ${crash.processes} processes; ${crash.survived} lived on, and the lab with them` +
    `${kept ? '' : ' (not the one-of-many this run expected: read the error below)'}. The run failed with "${crash.message}"; ` +
    `the pool had forked a replacement and was warm again ${ms(crash.replaceMs)} later.`
  );
}
