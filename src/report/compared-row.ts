import type { MachineInfo } from '../measure/machine.ts';
import type { CellTest, ModeRow } from './compare-tests.ts';

/** One machine's figures for one row. */
export interface MachineCell {
  readonly machine: MachineInfo;
  readonly label: string;
  readonly row: ModeRow;
}

/** One workload and mode across machines. */
export interface ComparedRow {
  readonly experiment: string;
  readonly workload: string;
  readonly mode: string;
  /** The row's other identifying fields ("batch=16 threads=2"), where it has any. */
  readonly extra?: string;
  /** One per column, in column order; undefined where that column has no such row. */
  readonly cells: readonly (MachineCell | undefined)[];
  /** Each column's median divided by the first column's (undefined where either is missing). */
  readonly medianRatios: readonly (number | undefined)[];
  /** Each column against the first (undefined for the first column and for missing rows). */
  readonly tests: readonly (CellTest | undefined)[];
  /** 'differ' when any column differs from the first, 'agree' when all were tested and agree. */
  readonly verdict: 'agree' | 'differ' | 'unknown' | 'not comparable';
  /** Why the verdict is 'unknown' or 'not comparable'. */
  readonly why?: string;
}
