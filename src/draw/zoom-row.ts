import type { StepEvent } from '../runtime/run-result.ts';

/** Names the zoom row in the gutter under its lane. */
export const zoomLabel = 'zoom';

/**
 * When one column of a lane would cover more than one step (two steps start in the same column),
 * the order of the steps is lost in the picture: the zoom row gives it back, one glyph per step,
 * for the first `columns` steps of the lane, not to time scale. Undefined when every step has a
 * column of its own.
 */
export function zoomRow(trace: readonly StepEvent[], lane: number, spanMs: number, columns: number, glyphOf: (task: string) => string): string | undefined {
  const steps = trace.filter((e) => e.lane === lane).sort((a, b) => a.start - b.start);
  if (!(spanMs > 0)) return undefined;
  const columnOf = (e: StepEvent): number => Math.min(columns - 1, Math.floor((e.start / spanMs) * columns));
  const crowded = steps.some((e, i) => i > 0 && columnOf(e) === columnOf(steps[i - 1]!));
  if (!crowded) return undefined;
  return steps.slice(0, columns).map((e) => glyphOf(e.task)).join('').padEnd(columns);
}
