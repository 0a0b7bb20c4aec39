import { availableParallelism, cpus } from 'node:os';

/** This machine's processors as Node sees them. */
export interface Processors {
  /** Threads the lab may run at once (`os.availableParallelism()`: affinity and cgroup limits included). */
  readonly usable: number;
  /** Logical cores the OS reports. */
  readonly logical: number;
  readonly model: string;
}

/**
 * The one place the lab asks the OS about its processors. The CLI resolves every count from it once
 * (threads, processes, workers, sweep tops); below the CLI, only a mode or pool run on its own, with
 * no count given (a test, a script), falls back to one thread per usable core through `usableCores`.
 */
export function processors(): Processors {
  const list = cpus();
  return { usable: availableParallelism(), logical: list.length, model: list[0]?.model.trim() || 'unknown cpu' };
}

/** Threads the lab may run at once on this machine. */
export function usableCores(): number {
  return processors().usable;
}
