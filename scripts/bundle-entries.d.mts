/** The worker entries of the lab, as paths from `root` with a `.js` extension (see bundle-entries.mjs). */
export function workerEntries(root: string, folders: readonly string[]): string[];
/** Bundles every worker entry over its compiled file in `compiled` (see bundle-entries.mjs). */
export function bundleWorkerEntries(root: string, folders: readonly string[], compiled: string): Promise<void>;
