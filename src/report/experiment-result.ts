import type { MachineInfo } from '../measure/machine.ts';
import type { LineChartOptions, NamedRun, SpeedupChartOptions } from '../draw/index.ts';

/** A table ready to print: cells are already formatted text. */
export interface ResultTable {
  readonly title: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Per column; default right-aligned except the first column. */
  readonly align?: readonly ('left' | 'right')[];
  /** Printed under the table, e.g. noise warnings for some rows. */
  readonly warnings?: readonly string[];
}

/**
 * Named headline figures of a result; an experiment declares its own as a `type` (not an `interface`,
 * which would lack the index signature). A name (the winning mode) is a string; a figure that does
 * not exist for this run (a break-even point with one usable core) is `null`, never a made-up number.
 */
export type Facts = Readonly<Record<string, number | string | null>>;

/** The facts an experiment declares, by name: `NamedFacts<'cores' | 'speedup'>` (every fact is a number). */
export type NamedFacts<K extends string> = Readonly<Record<K, number>>;

/** Everything one experiment run produced: what it printed and what `--json` emits; `Row` and `F` type its rows and facts. */
export interface ExperimentResult<Row extends object = object, F extends Facts = Facts> {
  readonly experiment: string;
  readonly question: string;
  readonly machine: MachineInfo;
  /** The settings the run used (repeats, threads, seed, ...), so a reader can reproduce it. */
  readonly settings: Readonly<Record<string, string | number | boolean>>;
  /**
   * CPU other programs used during the measurement, in cores (CPU seconds per second of wall time):
   * the machine's busy time on the CPUs the lab may use, less the lab's own process tree. `null`
   * where the system does not say (no /proc/stat); absent from results saved before schema 4.
   */
  readonly foreignCpuCores?: number | null;
  readonly tables: readonly ResultTable[];
  /** Machine-readable rows for `--json` (plain objects of numbers, strings, booleans). */
  readonly rows: readonly Row[];
  /** Headline figures and the references rows are judged against (ideal times, ratios), by name; top-level fields in `--json`. */
  readonly facts: F;
  /** Sentences of interpretation, each computed from the measured numbers. */
  readonly notes: readonly string[];
  /**
   * Runs worth drawing (usually the last measured run of each workload and mode), with their
   * traces: terminal timelines, SVG timelines beside the saved result, `--trace` files. Not saved in the JSON.
   */
  readonly runs?: readonly NamedRun[];
  /** Speedup-by-threads charts to draw beside the saved result. */
  readonly speedupCharts?: readonly SpeedupChartOptions[];
  /** Measured lines on log axes (e.g. µs against bytes) to draw beside the saved result. */
  readonly lineCharts?: readonly LineChartOptions[];
}
