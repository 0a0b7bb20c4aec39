import type { RunResult } from '../runtime/run-result.ts';

/**
 * A run that recorded no steps: the plain `piscina` pool (it has no scheduler to record them) or any
 * run under `--no-steps`. Only its wall time and checksums are known: when each task ran is not, so a
 * picture of it draws no bars, and says so, rather than idle lanes or spans made up from the wall time.
 */
export function isUntraced(run: Pick<RunResult, 'trace'>): boolean {
  return run.trace.length === 0;
}

/** The word every picture of such a run carries. */
export const UNTRACED = 'untraced';

/** What a picture of an untraced run says in place of its bars. */
export function untracedText(run: Pick<RunResult, 'mode'>): string {
  return `${UNTRACED}: the ${run.mode} run recorded no steps, so no bars are drawn; only its wall time is known`;
}
