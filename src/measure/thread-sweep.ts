/**
 * The thread counts `try` measures: 1, 2, 4, ... below the top, and the top itself (6 gives 1, 2, 4, 6).
 * Every count from 1 to the top would multiply the settings (and the rounds a corrected test needs)
 * for little: speedups change slowly between neighbouring counts.
 */
export function threadSweep(top: number): number[] {
  const counts: number[] = [];
  for (let t = 1; t < top; t *= 2) counts.push(t);
  counts.push(top);
  return counts;
}
