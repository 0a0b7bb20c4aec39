import type { ModeMeasurement } from '../measure/measure-modes.ts';
import type { NamedRun } from '../trace/index.ts';

/** The last measured run of each mode, named "<workload> / <mode>", for timelines and trace files. */
export function drawableRuns(measurements: readonly ModeMeasurement[]): NamedRun[] {
  return measurements.map((m) => ({ name: `${m.workload} / ${m.mode}`, run: m.lastRun }));
}
