/** The programs whose results files `compare` reads. */
export type BenchTool = 'lab' | 'hyperfine' | 'tinybench' | 'mitata';

/** A value that tells rows of one file apart (a workload, a mode, a batch size, a task's name). */
export type RowField = readonly [name: string, value: string | number];

/** One timed row of any tool's results, in milliseconds. */
export interface BenchRow {
  /** The fields that identify the row among its file's rows, in a stable order. */
  readonly fields: readonly RowField[];
  /** Threads the row ran on, where the tool says (the lab's rows). */
  readonly threads?: number;
  /** The tool's own median: hyperfine's `median`, tinybench's `latency.p50`, mitata's `p50`, the lab's `medianMs`. */
  readonly medianMs: number;
  /** Every timed sample, where the file kept them. */
  readonly samplesMs?: readonly number[];
}

/** One results file, whichever tool wrote it, as `compare` lines it up. */
export interface BenchFile {
  readonly file: string;
  readonly tool: BenchTool;
  /** What its rows measure: the lab's experiment (for try, the module's identity), else the tool's name. */
  readonly identity: string;
  /** The lab's settings; empty for other tools, which save none that compare can check. */
  readonly settings: Readonly<Record<string, string | number | boolean>>;
  readonly rows: readonly BenchRow[];
  /** Schema 4: cores of CPU other programs used, averaged over the run; absent where not measured. */
  readonly foreignCpuCores?: number;
  /** try's results: the hash of the module's content. */
  readonly moduleHash?: string;
  readonly labCommit?: string;
}

/** "cpu-bound parallel batch=16": a row's fields as one label (names shown for all but workload, mode and name). */
export function rowLabel(fields: readonly RowField[]): string {
  const bare = new Set(['workload', 'mode', 'name']);
  return fields.map(([name, value]) => (bare.has(name) ? String(value) : `${name}=${value}`)).join(' ');
}

/** A key that is equal exactly when every field is. */
export function rowKey(fields: readonly RowField[]): string {
  return JSON.stringify(fields);
}
