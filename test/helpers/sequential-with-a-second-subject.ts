import type { Progress } from '../../src/measure/alternate.ts';
import { measureModes, type ModeMeasurement } from '../../src/measure/measure-modes.ts';
import { cpuBoundWorkload } from '../../src/workload/presets.ts';
import type { WorkloadSpec } from '../../src/workload/spec.ts';

/** How sequential is measured a second time: as an A/A twin (`aa`), or without recording steps (`untraced`). */
export type SecondSubject = 'aa' | 'untraced';

export interface SequentialTwice {
  readonly workload: WorkloadSpec;
  readonly rows: readonly ModeMeasurement[];
  /** Every progress report, in the order the rounds ran its subjects. */
  readonly progress: readonly Progress[];
}

/**
 * Two tiny cpu tasks measured in process by sequential and by a second subject of sequential, for
 * `repeats` rounds without warm-ups: small enough for a unit test, and enough to see each subject's
 * place in every round.
 */
export async function sequentialWithASecondSubject(second: SecondSubject, repeats: number): Promise<SequentialTwice> {
  const progress: Progress[] = [];
  const workload = cpuBoundWorkload({ tasks: 2, unitsPerTask: 4 });
  const rows = await measureModes(workload, ['sequential'], { repeats, warmups: 0, [second]: ['sequential'], onProgress: (p) => progress.push(p) });
  return { workload, rows, progress };
}
