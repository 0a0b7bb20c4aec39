/** What a probe child measures: the scheduler's or the async reference's parked tasks, or a pool of one thread per task. */
export type ProbeRequest =
  | { readonly way: 'scheduler' | 'async'; readonly tasks: number; readonly waitMs: number; readonly units: number }
  | { readonly way: 'threads'; readonly tasks: number; readonly waitMs: number; readonly units: number };

/** Memory of N parked tasks, after a forced GC, against the same child's baseline before the specs were built. */
export interface ParkedMemory {
  readonly way: 'scheduler' | 'async';
  readonly tasks: number;
  /** Heap used, after GC, with every task parked, minus the baseline. */
  readonly heapBytes: number;
  /** Resident set, after GC, with every task parked, minus the baseline. */
  readonly rssBytes: number;
  /** From before the specs were built until every task had parked, ms. */
  readonly parkedMs: number;
}

/** A pool of one lab worker thread per task: started, measured, then given the tasks. */
export interface ThreadsProbe {
  readonly way: 'threads';
  readonly tasks: number;
  /** Resident set with every thread started and warm, minus the baseline (the main thread's heap collected). */
  readonly rssBytes: number;
  /** From creating the pool until every thread was ready (started, loaded, kernel compiled), ms. */
  readonly startMs: number;
  /** The tasks on the warm pool, one per thread, ms. */
  readonly runMs: number;
  readonly checksum: number;
}

export type ProbeResult = ParkedMemory | ThreadsProbe;
