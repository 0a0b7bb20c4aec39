import type { ThreadsVsProcessesFigures } from '../../experiments/threads-vs-processes/analysis.ts';
import type { ModeComparison } from '../../src/measure/compare-modes.ts';
import { comparedRow } from './analysis-mode-rows.ts';
import { overridable } from './overridable.ts';

/** Seven start-ups or rounds: `ms` plus 0 to 6, so that two series `ms` apart differ in every round alike. */
export const sevenFrom = (ms: number): number[] => [0, 1, 2, 3, 4, 5, 6].map((d) => ms + d);

/** The cpu-bound rows: sequential 100 ms; parallel and processes over the same rounds. */
export function cpuRows(parallelMs: readonly number[], processesMs: readonly number[], workers = 2): ModeComparison[] {
  return [comparedRow('cpu', 'sequential', 1, parallelMs.map(() => 100), 100), comparedRow('cpu', 'parallel', workers, parallelMs, 100), comparedRow('cpu', 'processes', workers, processesMs, 100)];
}

/**
 * Threads start in 103 ms (bare Node 43, with tsx 73), processes in 403 ms (bare 103, with tsx 303), over seven rounds;
 * a round trip takes 22 µs to a thread and 82 µs to a process (40 of each); parallel takes 50 ms a round, processes 55.
 */
export const threadsVsProcessesFigures = overridable((): ThreadsVsProcessesFigures => ({
  threads: 2,
  processes: 2,
  tasks: 8,
  startedPerRound: 2,
  startUps: { thread: { bare: sevenFrom(40), tsx: sevenFrom(70), lab: sevenFrom(100) }, process: { bare: sevenFrom(100), tsx: sevenFrom(300), lab: sevenFrom(400) } },
  roundTripUs: { thread: Array.from({ length: 40 }, (_, i) => 20 + (i % 5)), process: Array.from({ length: 40 }, (_, i) => 80 + (i % 5)) },
  rows: cpuRows([50, 50, 50, 50, 50, 50, 50], [55, 56, 54, 57, 53, 55.5, 54.5]),
  crash: { processes: 2, ended: 1, survived: 1, message: 'task "crash" ended its process', replaceMs: 420 },
}));
