import { threadPoolResource } from './resource-kinds.ts';
import { hybridMode } from './hybrid.ts';
import { interleavedMode } from './interleaved.ts';
import type { Mode, ModeRunOptions } from './mode.ts';
import { parallelMode } from './parallel.ts';
import { piscinaMode } from './piscina.ts';
import { processesMode } from './processes.ts';
import { distributedMode } from './distributed.ts';
import type { RunResult } from '../runtime/run-result.ts';
import { sequentialMode } from './sequential.ts';
import type { WorkloadSpec } from '../workload/spec.ts';

/** Every mode the lab can run, in the order its tables and `--help` list them. Adding a mode: its file, and its import and entry here. */
export const modes = [sequentialMode, interleavedMode, parallelMode, hybridMode, piscinaMode, processesMode, distributedMode] as const;

type Registered = (typeof modes)[number];
export type ModeName = Registered['name'];
/** The lab's own modes run by default, as opposed to the plain references and the modes run only when named. */
export type OwnModeName = Exclude<Registered, { readonly reference: true } | { readonly namedOnly: true }>['name'];

/** Every mode's name: the lab's own and the plain references. */
export const allModeNames: readonly ModeName[] = modes.map((m) => m.name);
/** The lab's own modes, run when no `--modes` is given; the references (`piscina`) only when named. */
export const modeNames: readonly OwnModeName[] = modes
  .filter((m): m is Exclude<Registered, { readonly reference: true } | { readonly namedOnly: true }> => !('reference' in m && m.reference) && !('namedOnly' in m && m.namedOnly))
  .map((m) => m.name);

const byName = new Map<string, Mode<ModeName>>(modes.map((m) => [m.name, m]));

/** The registered mode of that name, or undefined for a name the lab does not know. */
export function findMode(name: string): Mode<ModeName> | undefined {
  return byName.get(name);
}

/** The registered mode of a known name. */
export function modeOf(name: ModeName): Mode<ModeName> {
  return byName.get(name)!;
}

/** True when a name is a registered mode's. */
export function isModeName(name: string): name is ModeName {
  return byName.has(name);
}

/** True when any of the modes runs on a thread pool, so that one warm pool should be started for them all. */
export function needThreadPool(names: readonly ModeName[]): boolean {
  return names.some((name) => modeOf(name).needs === threadPoolResource);
}

/** Runs the workload once in the named mode. */
export function runMode(name: ModeName, workload: WorkloadSpec, options: ModeRunOptions = {}): Promise<RunResult<ModeName>> {
  return modeOf(name).run(workload, options);
}
