import { EXPLAIN_TIMEOUT_MS } from '../explain/explain-timeout.ts';

/**
 * Every default the command line fills in, in one table: `--help` prints these, and the context is
 * resolved from them. Counts that follow the machine (threads, processes, workers, sweep tops) are
 * resolved from the processors and each experiment's own defaults instead (see completeContext).
 */
export const DEFAULTS = {
  /** Untimed runs per mode before timing. */
  warmups: 1,
  /** Seed of the random wait lengths. */
  seed: 1,
  /** With `--repeats auto`: seconds allowed per experiment. */
  budgetSeconds: 60,
  /** `try`'s bound on any single run, ms. */
  tryTimeoutMs: 60_000,
  /** `--explain`'s and `--html`'s bound on a run, ms. */
  explainTimeoutMs: EXPLAIN_TIMEOUT_MS,
  /** `try`'s calls per pool task. */
  batches: [1, 4, 16, 64] as readonly number[],
} as const;
