/**
 * A run is cut short after this long (unless `--timeout` says otherwise): a workload meant to be
 * explained step by step takes well under a second. A file of its own, so that `--help` can print it
 * without loading the scheduler.
 */
export const EXPLAIN_TIMEOUT_MS = 30_000;
