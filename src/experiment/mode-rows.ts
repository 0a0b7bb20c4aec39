import type { ModeComparison } from '../measure/compare-modes.ts';
import type { ModeName } from '../modes/index.ts';

/** The figures of a compared mode that interpretations read; tests build these by hand. */
export type ModeFigures = Pick<ModeComparison, 'workload' | 'mode' | 'threads' | 'medianMs' | 'minMs' | 'maxMs' | 'speedup' | 'checksumOk' | 'cpuMs' | 'impossible'> &
  Partial<Pick<ModeComparison, 'samples' | 'speedupLow' | 'kernelUsPerUnit' | 'loneWorkerUsPerUnit'>>;

/** The row of one mode; the experiment measured it, so its absence is a bug. */
export function rowOf<R extends { readonly mode: string }>(rows: readonly R[], mode: ModeName): R {
  const row = rows.find((r) => r.mode === mode);
  if (row === undefined) throw new Error(`no ${mode} row among ${rows.map((r) => r.mode).join(', ')}`);
  return row;
}
