/**
 * Every mode's name and `--help` line, without the modes themselves: `--help`, `--version` and a flag
 * error read these, and loading the modes (their pools, runtimes and workers) would slow each of
 * them several times over. The registry holds the modes; a test keeps the two lists the same.
 */
export const modeLines = [
  { name: 'sequential', summary: 'one thread, each task run to completion in order: the baseline' },
  { name: 'interleaved', summary: 'one thread, tasks switched round-robin at every yield: concurrency' },
  { name: 'parallel', summary: 'worker threads, one task per worker at a time: parallelism, up to the number of cores' },
  { name: 'hybrid', summary: 'worker threads, each interleaving its share of the tasks: both at once, as real servers run' },
  { name: 'piscina', summary: "a plain Piscina pool for cpu-only workloads: the reference for what the lab's own dispatch costs", reference: true },
  { name: 'processes', summary: 'forked Node processes, one task per process at a time: what isolation costs against threads' },
  { name: 'distributed', summary: 'jobs on a BullMQ queue over Redis, consumed by lab worker processes here or on other machines: what a queue hop costs', namedOnly: true },
] as const satisfies readonly ModeLine[];

/** What `--help` and the flag checks know of a mode. */
export interface ModeLine {
  readonly name: string;
  readonly summary: string;
  /** A plain reference, run only when named in `--modes`. */
  readonly reference?: true;
  /** Run only when named in `--modes` (it needs what not every machine has). */
  readonly namedOnly?: true;
}

type Line = (typeof modeLines)[number];
export type ModeName = Line['name'];
/** The lab's own modes, run by default (not the references, nor those run only when named). */
export type OwnModeName = Exclude<Line, { readonly reference: true } | { readonly namedOnly: true }>['name'];

/** Every mode's name: the lab's own and the plain references. */
export const allModeNames: readonly ModeName[] = modeLines.map((m) => m.name);

/** The lab's own modes, run when no `--modes` is given. */
export const modeNames: readonly OwnModeName[] = modeLines.filter((m): m is Extract<Line, { readonly name: OwnModeName }> => !('reference' in m) && !('namedOnly' in m)).map((m) => m.name);

/** True when a name is a mode's. */
export function isModeName(name: string): name is ModeName {
  return (allModeNames as readonly string[]).includes(name);
}
