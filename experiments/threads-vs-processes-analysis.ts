import type { ModeComparison } from '../src/measure/compare-modes.ts';
import type { CrashFigures } from '../src/probes/crash-isolation.ts';
import type { StartUpTimes } from '../src/probes/start-up.ts';
import { median } from '../src/measure/stats.ts';
import type { ResultTable } from '../src/report/experiment-result.ts';
import { formatMs, formatPercent, formatRatio } from '../src/report/format.ts';
import { rowOf } from '../src/experiment/mode-rows.ts';
import { checksumWarning } from '../src/report/checksum-warning.ts';

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

export type ThreadsVsProcessesFacts = {
  readonly threadStartMs: number;
  readonly processStartMs: number;
  readonly threadBareStartMs: number;
  readonly threadTsxStartMs: number;
  readonly processBareStartMs: number;
  readonly processTsxStartMs: number;
  /** (tsx-loaded Node - bare Node) / the lab's own start-up. */
  readonly tsxShareOfThreadStart: number;
  readonly tsxShareOfProcessStart: number;
  readonly processStartOverThread: number;
  /** 1 when processes took longer to start than threads in this run, else 0. */
  readonly processesStartSlower: number;
  readonly threadRoundTripUs: number;
  readonly processRoundTripUs: number;
  readonly processRoundTripOverThread: number;
  readonly parallelSpeedup: number;
  readonly processesSpeedup: number;
  /** Median time of the processes mode over that of the parallel mode on the same work. */
  readonly processesOverParallel: number;
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
  return {
    threadStartMs,
    processStartMs,
    threadBareStartMs: start('thread', 'bare'),
    threadTsxStartMs: start('thread', 'tsx'),
    processBareStartMs: start('process', 'bare'),
    processTsxStartMs: start('process', 'tsx'),
    tsxShareOfThreadStart: (start('thread', 'tsx') - start('thread', 'bare')) / threadStartMs,
    tsxShareOfProcessStart: (start('process', 'tsx') - start('process', 'bare')) / processStartMs,
    processStartOverThread: processStartMs / threadStartMs,
    processesStartSlower: processStartMs > threadStartMs ? 1 : 0,
    threadRoundTripUs,
    processRoundTripUs,
    processRoundTripOverThread: processRoundTripUs / threadRoundTripUs,
    parallelSpeedup: parallel.speedup,
    processesSpeedup: processes.speedup,
    processesOverParallel: processes.medianMs / parallel.medianMs,
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

/** Sentences computed from the figures (and the facts computed from them): what processes cost against threads, and what they buy. */
export function interpretThreadsVsProcesses(f: ThreadsVsProcessesFigures, facts: ThreadsVsProcessesFacts = threadsVsProcessesFacts(f)): string[] {
  const started = f.startedPerRound;
  const workers = rowOf(f.rows, 'processes').threads;
  const slower = facts.processesStartSlower === 1;
  return [
    ...checksumWarning(f.rows),
    `Start-up: ${slower ? 'processes started slower than threads' : 'processes did NOT start slower than threads in this run'}: ${ms(facts.processStartMs)} for ${started} forked process${started === 1 ? '' : 'es'} ` +
      `against ${ms(facts.threadStartMs)} for ${started} worker thread${started === 1 ? '' : 's'} (${formatRatio(facts.processStartOverThread)}). ` +
      `Bare Node takes ${ms(facts.processBareStartMs)} to start a process and ${ms(facts.threadBareStartMs)} a thread; the tsx loader adds ` +
      `${ms(facts.processTsxStartMs - facts.processBareStartMs)} to a process (${formatPercent(facts.tsxShareOfProcessStart)} of its start-up) and ` +
      `${ms(facts.threadTsxStartMs - facts.threadBareStartMs)} to a thread (${formatPercent(facts.tsxShareOfThreadStart)}); the rest is the lab's own modules (and, for threads, Piscina). ` +
      'Compiled JavaScript would save the loader share; a warm pool pays it once.',
    `Round trip of one tiny task: ${us(facts.processRoundTripUs)} to a process against ${us(facts.threadRoundTripUs)} to a thread (${formatRatio(facts.processRoundTripOverThread)}): ` +
      'a message to a process is serialised, written to a pipe and read by another event loop; to a thread it is cloned within one process (and the lab sends only a task number).',
    `cpu-bound work: processes ran at ${formatRatio(facts.processesSpeedup)} the sequential speed and threads at ${formatRatio(facts.parallelSpeedup)}, both ${workers} at a time; ` +
      handOver(facts, f.tasks, rowOf(f.rows, 'processes').medianMs - rowOf(f.rows, 'parallel').medianMs),
    crashNote(f.crash),
    'What processes buy: each has its own heap and its own runtime, so what kills a runtime outright (an abort, a fatal out-of-memory error without resource limits, a faulty native addon) ends one process and not the lab; ' +
      "in a worker thread the same crash ends every thread of the lab's process. (process.exit in a worker thread ends only that thread: Node contains that much.) " +
      `What they cost, measured here: ${formatRatio(facts.processStartOverThread)} the start-up, ${formatRatio(facts.processRoundTripOverThread)} the round trip, and a whole Node runtime of memory each.`,
  ];
}

/** What the hand-over explains of the time between processes and threads on the cpu-bound work. */
function handOver(facts: ThreadsVsProcessesFacts, tasks: number, extraMs: number): string {
  const perTaskUs = facts.processRoundTripUs - facts.threadRoundTripUs;
  const explainedMs = (perTaskUs * tasks) / 1000;
  const cost = `${us(Math.abs(perTaskUs))} ${perTaskUs >= 0 ? 'more' : 'less'} per task for the hand-over, ${ms(Math.abs(explainedMs))} over the run's ${tasks} tasks`;
  if (extraMs <= 0) {
    return `the processes took ${formatRatio(facts.processesOverParallel)} the threads' time: once warm, a process computes as fast as a thread, and ${cost} is too little to show beside the work.`;
  }
  return (
    `the processes took ${formatRatio(facts.processesOverParallel)} the threads' time (${ms(extraMs)} more); ${cost} explains ` +
    `${explainedMs >= extraMs ? 'all of it' : `${formatPercent(Math.max(0, explainedMs) / extraMs)} of it, the rest is the machine's noise between repeats`}.`
  );
}

function crashNote(crash: CrashFigures): string {
  const kept = crash.survived === crash.processes - 1 && crash.ended === 1;
  return (
    `Isolation: a task that ran the exit fault ended ${crash.ended} of the ${crash.processes} processes; ${crash.survived} lived on, and the lab with them` +
    `${kept ? '' : ' (not the one-of-many this run expected: read the error below)'}. The run failed with "${crash.message}"; ` +
    `the pool had forked a replacement and was warm again ${ms(crash.replaceMs)} later.`
  );
}
