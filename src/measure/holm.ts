/**
 * Holm's step-down adjustment of p-values for many comparisons at once: the smallest p is
 * multiplied by m, the next by m - 1, and so on, each kept at least as large as the one before
 * and at most 1. Returned in the order given.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  // Stryker disable next-line ArrayDeclaration: every slot is assigned below, whatever it starts as
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  order.forEach(([p, i], step) => {
    running = Math.max(running, Math.min(1, (m - step) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
