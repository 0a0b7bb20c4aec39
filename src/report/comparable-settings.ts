import type { SavedResult } from './saved-result.ts';

/**
 * The settings that must match before two results of an experiment can be compared, as the
 * experiment declares them (its `comparable`), or undefined for results with no experiment behind
 * them (`try`, `run --workload`).
 */
export type ComparableOf = (experiment: string) => readonly string[] | undefined;

/** For results no experiment declares (user workloads): every setting except these machine-derived or repeat counts. */
const NEVER_MATCHED = new Set(['threads', 'cores', 'serverThreads', 'repeats', 'warmups', 'moduleHash']);

/** The keys on which `a` and `b` differ among those that must match (`mustMatch`, or every work setting when undefined), in a stable order; empty when they compare. */
export function differingSettings(mustMatch: readonly string[] | undefined, a: SavedResult['settings'], b: SavedResult['settings']): string[] {
  const keys = mustMatch ?? [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !NEVER_MATCHED.has(k)).sort();
  return keys.filter((k) => a[k] !== b[k]);
}
