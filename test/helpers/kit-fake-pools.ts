import { vi } from 'vitest';
import type { ExperimentContext } from '../../src/experiment/context.ts';
import { ExperimentKit } from '../../src/experiment/kit.ts';
import { LabPool, ProcessPool } from '../../src/modes/index.ts';
import { QueueSession } from '../../src/runtime/queue/queue-session.ts';
import { handMadeCompleteContext } from './kit-context.ts';

/** A run reached a stand-in pool: the pool's name and what the run asked of it. */
export class ReachedPoolError extends Error {
  override name = 'ReachedPoolError';
}

/**
 * A stand-in for a started pool of the class `of` that starts nothing: `close` records its name in
 * `closed`, any other use of what the class has throws a `ReachedPoolError` naming the pool and what
 * was asked (so a test can tell which pool a run was handed), and what the class lacks is undefined,
 * as on the real one. It is not a thenable, so a promise can resolve to it.
 */
export function standInPool<T>(name: string, closed: string[], of: { readonly prototype: object }): T {
  return new Proxy(
    {},
    {
      get(_target, key) {
        if (key === 'close') return async () => void closed.push(name);
        if (!(key in of.prototype)) return undefined;
        throw new ReachedPoolError(`${name} reached: ${String(key)}`);
      },
    },
  ) as T;
}

/**
 * Replaces the start of every pool the kit owns (thread pool, process pool, queue session) with a
 * stand-in named by what it was started with; restore with `vi.restoreAllMocks()`.
 */
export function standInStarts(closed: string[]) {
  return {
    threads: vi.spyOn(LabPool, 'start').mockImplementation(async (options) => standInPool<LabPool>(`thread pool of ${options.threads}`, closed, LabPool)),
    processes: vi.spyOn(ProcessPool, 'start').mockImplementation(async (options) => standInPool<ProcessPool>(`process pool of ${options.processes}`, closed, ProcessPool)),
    queue: vi.spyOn(QueueSession, 'open').mockImplementation(async (options) => standInPool<QueueSession>(`queue of ${options.workers} workers`, closed, QueueSession)),
  };
}

/** A kit on a hand-made context whose pools are stand-ins (`standInStarts`): its starts, and the names of what it closed, in order. */
export function kitOnStandIns(overrides: Partial<ExperimentContext>) {
  const closed: string[] = [];
  const starts = standInStarts(closed);
  return { kit: new ExperimentKit(handMadeCompleteContext(overrides)), starts, closed };
}
