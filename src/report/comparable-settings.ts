import type { SavedResult } from './saved-result.ts';

/**
 * The settings that must match before two results of an experiment can be compared: what sets
 * the work (sizes, quick, seed). Settings the lab derives from the machine's cores or threads
 * (thread counts, `mixed`'s and `cpu-bound`'s task counts, `scaling`'s sweep, `distributed`'s
 * workers), figures measured in the run (a kernel calibration) and the number of repeats are left
 * out, so that a 2-core and a 16-core run still compare.
 */
export const MUST_MATCH: Readonly<Record<string, readonly string[]>> = {
  headline: ['quick', 'seed', 'cpu-bound', 'wait-bound'],
  'cpu-bound': ['quick', 'seed'],
  'io-bound': ['quick', 'seed', 'workload'],
  mixed: ['quick', 'seed'],
  scaling: ['quick', 'seed'],
  granularity: ['quick', 'seed', 'totalUnits', 'sizes'],
  'seed-runner': ['quick', 'seed', 'waits'],
  'scheduler-overhead': ['quick', 'tasks', 'switches'],
  'echo-server': ['quick', 'clients', 'messages', 'messageBytes'],
  'async-is-generators': ['quick', 'target'],
  // The worker count defaults to --threads, the seed sets nothing here (split work), and `redis` only describes the server.
  distributed: ['quick', 'totalUnits', 'sizes'],
  // Process and task counts default to the threads; the round trips follow --quick.
  'threads-vs-processes': ['quick', 'roundTrips'],
  // Its settings state the kernel calibrated in the run (a measured figure): only the load and the batches set the work.
  'event-loop-delay': ['quick', 'load', 'batched'],
  'data-transfer': ['quick', 'sizes'],
  'many-tasks': ['quick', 'waitMs', 'unitsPerTask', 'maxThreads', 'processes'],
};

/** For experiments not listed (user workloads): every setting except these machine-derived or repeat counts. */
const NEVER_MATCHED = new Set(['threads', 'cores', 'serverThreads', 'repeats', 'warmups']);

/** The keys of `experiment`'s settings on which `a` and `b` differ, in a stable order; empty when they compare. */
export function differingSettings(experiment: string, a: SavedResult['settings'], b: SavedResult['settings']): string[] {
  const keys = MUST_MATCH[experiment] ?? [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !NEVER_MATCHED.has(k)).sort();
  return keys.filter((k) => a[k] !== b[k]);
}
