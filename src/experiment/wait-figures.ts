import { listScheduleMs } from '../measure/list-schedule.ts';
import { waitTotals } from '../workload/presets.ts';
import type { WorkloadSpec } from '../workload/spec.ts';

/** What a workload's waits allow, the references wait-bound rows are judged against; all from the workload itself. */
export interface WaitFigures {
  /** Each task's waits, in task order. */
  readonly waitsMs: readonly number[];
  /** What one thread waiting for each task in turn needs. */
  readonly sumOfWaitsMs: number;
  /** What one thread overlapping every wait needs: the task that waits longest. */
  readonly longestTaskWaitMs: number;
  readonly longestTask: string;
  /** What a pool of `threads` workers, each holding one task through its waits, needs at best. */
  readonly perfectPoolMs: number;
  readonly threads: number;
}

export function waitFigures(workload: WorkloadSpec, threads: number): WaitFigures {
  const totals = [...waitTotals(workload)];
  const waitsMs = totals.map(([, ms]) => ms);
  const [longestTask, longestTaskWaitMs] = totals.reduce((best, t) => (t[1] > best[1] ? t : best));
  return {
    waitsMs,
    sumOfWaitsMs: waitsMs.reduce((a, b) => a + b, 0),
    longestTaskWaitMs,
    longestTask,
    perfectPoolMs: listScheduleMs(waitsMs, threads),
    threads,
  };
}

/** The three references alone (what interpretations read; tests give them by hand). */
export type WaitReferences = Pick<WaitFigures, 'sumOfWaitsMs' | 'longestTaskWaitMs' | 'perfectPoolMs' | 'threads'>;
