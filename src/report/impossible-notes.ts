import { formatPercent } from './format.ts';

/** The mark an impossible row carries in a table, beside the mode (the noisy mark is `!`). */
export const IMPOSSIBLE_MARK = '✗';

/**
 * The likely cause of an impossible figure, in words. When the run calibrated the kernel on
 * the main thread and in a lone worker, their ratio names it; otherwise the usual suspects.
 */
export function likelyCause(baselineVsWorkerPerUnit?: number): string {
  if (baselineVsWorkerPerUnit !== undefined && Number.isFinite(baselineVsWorkerPerUnit)) {
    if (baselineVsWorkerPerUnit > 1.05) return `the sequential baseline ran ${formatPercent(baselineVsWorkerPerUnit - 1)} slower per unit than a lone worker`;
    if (baselineVsWorkerPerUnit < 0.95) return `the sequential baseline ran ${formatPercent(1 - baselineVsWorkerPerUnit)} faster per unit than a lone worker, so the workers were slowed instead`;
    return 'the kernel cost the same per unit on the main thread and in a lone worker, so the machine\'s load most likely changed between the rounds';
  }
  return 'most likely the baseline ran slow (the main thread did other work during it, or other programs took the CPU)';
}

/** One sentence per impossible row, naming the figure, why it cannot be, and the likely cause; none when every row is possible. */
export function impossibleNotes(
  rows: readonly { readonly workload: string; readonly mode: string; readonly impossible?: string }[],
  baselineVsWorkerPerUnit?: number,
): string[] {
  const flagged = rows.filter((r) => r.impossible !== undefined);
  if (flagged.length === 0) return [];
  const cause = likelyCause(baselineVsWorkerPerUnit);
  return flagged.map(
    (r) => `IMPOSSIBLE (${IMPOSSIBLE_MARK}): ${r.workload} ${r.mode}: ${r.impossible}. This is not a finding: ${cause}. Re-run on a quiet machine, or raise --repeats.`,
  );
}
