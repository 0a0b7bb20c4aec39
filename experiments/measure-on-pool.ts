import { runOptionsFor, type ExperimentContext } from '../src/cli/experiment.ts';
import type { ModeComparison } from '../src/measure/compare-modes.ts';
import { measureModes, type ModeMeasurement } from '../src/measure/measure-modes.ts';
import { onPool, type LabPool, type ModeName } from '../src/modes/index.ts';
import { formatRatio } from '../src/report/format.ts';
import type { WorkloadSpec } from '../src/workload/spec.ts';

/** The figures of a compared mode that interpretations read; tests build these by hand. */
export type ModeFigures = Pick<ModeComparison, 'workload' | 'mode' | 'threads' | 'medianMs' | 'minMs' | 'maxMs' | 'speedup' | 'checksumOk' | 'impossible'>;

/** Starts a warm pool of `threads` workers, hands it to `use`, and closes it whatever happens. */
export function withPool<T>(threads: number, use: (pool: LabPool) => Promise<T>): Promise<T> {
  return onPool(undefined, { threads }, use);
}

/** Measures the workload in the given modes with the context's repeats and warm-ups, on the pool. */
export function measureOnPool(workload: WorkloadSpec, modes: readonly ModeName[], context: ExperimentContext, pool: LabPool): Promise<ModeMeasurement[]> {
  return measureModes(workload, modes, {
    repeats: context.repeats,
    warmups: context.warmups,
    runOptions: runOptionsFor(context, pool),
    onProgress: context.onProgress,
  });
}

/** The row of one mode; the experiment measured it, so its absence is a bug. */
export function rowOf<R extends { readonly mode: ModeName }>(rows: readonly R[], mode: ModeName): R {
  const row = rows.find((r) => r.mode === mode);
  if (row === undefined) throw new Error(`no ${mode} row among ${rows.map((r) => r.mode).join(', ')}`);
  return row;
}

export { checksumWarning } from '../src/report/checksum-warning.ts';

/** Task switches in a trace: consecutive steps on the same lane that belong to different tasks. */
export function taskSwitches(trace: readonly { readonly task: string; readonly lane: number }[]): number {
  const lastTask = new Map<number, string>();
  let switches = 0;
  for (const e of trace) {
    const previous = lastTask.get(e.lane);
    if (previous !== undefined && previous !== e.task) switches++;
    lastTask.set(e.lane, e.task);
  }
  return switches;
}

/** "1.89x faster", "1.25x slower" or "as fast" (when the ratio rounds to 1.00x): a speedup said the way a reader expects. */
export function fasterOrSlower(speedup: number): string {
  if (formatRatio(speedup) === '1.00x') return 'as fast';
  return speedup > 1 ? `${formatRatio(speedup)} faster` : `${formatRatio(1 / speedup)} slower`;
}

/** "1.89x faster than X", "1.25x slower than X" or "about as fast as X". */
export function comparedWith(speedup: number, other: string): string {
  const said = fasterOrSlower(speedup);
  return said === 'as fast' ? `about as fast as ${other}` : `${said} than ${other}`;
}
