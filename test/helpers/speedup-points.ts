/** Speedup points from [threads, speedup] pairs, so a fit's data reads as one line. */
export const speedups = (...pairs: [threads: number, speedup: number][]): { threads: number; speedup: number }[] =>
  pairs.map(([threads, speedup]) => ({ threads, speedup }));

/** Crossover points from [task size, speedup] pairs, so a crossover's data reads as one line. */
export const sizeSpeedups = (...pairs: [size: number, speedup: number][]): { size: number; speedup: number }[] =>
  pairs.map(([size, speedup]) => ({ size, speedup }));
