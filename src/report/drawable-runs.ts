import type { ModeMeasurement } from '../measure/measure-modes.ts';
import type { NamedRun } from '../draw/index.ts';

/**
 * The last measured run of each mode, named "<workload> / <mode>", for timelines and trace files.
 * Runs that recorded no steps (the plain `piscina` pool, `--no-steps` runs) have nothing to draw and are left out.
 */
export function drawableRuns(measurements: readonly ModeMeasurement[]): NamedRun[] {
  return measurements.filter((m) => m.lastRun.trace.length > 0).map((m) => ({ name: `${m.workload} / ${m.mode}`, run: m.lastRun }));
}
