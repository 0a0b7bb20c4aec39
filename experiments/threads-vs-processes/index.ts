import { defineExperiment } from '../../src/experiment/define.ts';
import { crashOneProcess } from './crash-isolation.ts';
import { processRoundTrips, threadRoundTrips } from './round-trip.ts';
import { timeStartUps } from './start-up.ts';
import { modeTable } from '../../src/report/mode-table.ts';
import { cpuBoundExperimentWorkload } from '../cpu-bound/index.ts';
import {
  interpretThreadsVsProcesses,
  threadsVsProcessesFacts,
  threadsVsProcessesTable,
  type ThreadsVsProcessesFacts,
  type ThreadsVsProcessesFigures,
  type ThreadsVsProcessesRow,
} from './analysis.ts';

/** Round trips timed per vessel, in alternating halves so that a machine that changes speed meets both alike. */
const ROUND_TRIPS = { quick: 200, full: 1_000 } as const;

/** The settings its result states beyond the common ones. */
type ThreadsVsProcessesSettings = { processes: number; tasks: number; roundTrips: number };

export const threadsVsProcesses = defineExperiment<ThreadsVsProcessesFigures, ThreadsVsProcessesRow, ThreadsVsProcessesFacts, ThreadsVsProcessesSettings>('threads-vs-processes', {
  // Process and task counts default to the threads; the round trips follow --quick.
  comparable: ['quick', 'roundTrips'],
  question: 'What do forked processes cost against worker threads (start-up, the tsx loader, a round trip, cpu-bound speed), and what does their isolation buy?',
  about: "Start-up of bare Node, Node with the tsx loader and the lab's own workers, as threads and as processes; one task's round trip over each; cpu-bound speed in parallel and processes; one crash in the process pool.",
  defaults: { repeats: 7, quickRepeats: 3 },

  async measure(kit) {
    const { quick, threads, processes, repeats, signal } = kit.context;
    // Start-up first, before any pool of the experiment's own is up: nothing else of the lab runs meanwhile.
    const startUps = await timeStartUps(threads, repeats, signal);
    const [threadPool, processPool] = [await kit.sharedPool(), await kit.sharedProcessPool()];
    const half = (quick ? ROUND_TRIPS.quick : ROUND_TRIPS.full) / 2;
    const viaThread: number[] = [];
    const viaProcess: number[] = [];
    for (let i = 0; i < 2; i++) {
      signal.throwIfAborted();
      viaThread.push(...(await threadRoundTrips(threadPool, half)).us);
      viaProcess.push(...(await processRoundTrips(processPool, half)).us);
    }
    const workload = cpuBoundExperimentWorkload(quick, threads);
    const { rows } = await kit.measure(workload, ['sequential', 'parallel', 'processes']);
    const crash = await crashOneProcess(processPool);
    return { threads, processes, tasks: workload.tasks.length, startedPerRound: threads, startUps, roundTripUs: { thread: viaThread, process: viaProcess }, rows, crash };
  },

  analyse(figures) {
    const facts = threadsVsProcessesFacts(figures);
    const row = (vessel: 'thread' | 'process', mode: 'parallel' | 'processes'): ThreadsVsProcessesRow => {
      const compared = figures.rows.find((r) => r.mode === mode);
      const [startMs, bareStartMs, tsxStartMs, roundTripUs] =
        vessel === 'thread'
          ? [facts.threadStartMs, facts.threadBareStartMs, facts.threadTsxStartMs, facts.threadRoundTripUs]
          : [facts.processStartMs, facts.processBareStartMs, facts.processTsxStartMs, facts.processRoundTripUs];
      return { vessel, startMs, bareStartMs, tsxStartMs, roundTripUs, speedup: compared?.speedup ?? Number.NaN, medianMs: compared?.medianMs ?? Number.NaN };
    };
    return {
      settings: { processes: figures.processes, tasks: figures.tasks, roundTrips: figures.roundTripUs.thread.length },
      tables: [threadsVsProcessesTable(figures), modeTable(`cpu-bound: ${figures.tasks} equal tasks, threads against processes`, figures.rows)],
      rows: [row('thread', 'parallel'), row('process', 'processes')],
      facts,
      notes: interpretThreadsVsProcesses(figures, facts),
    };
  },
});
