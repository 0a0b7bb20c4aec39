import { cancel, join, part, sleep, spawn, waitFor } from '../../scheduler/index.ts';

/** The global key under which this thread's lab effects are found by `effects-entry.mjs`. */
export const EFFECTS_KEY = Symbol.for('concurrency-parallelism-lab/effects');

/** Publishes this thread's lab effects before a user's module is imported; one module instance per thread, so `instanceof` holds. */
export function provideEffects(): void {
  (globalThis as Record<symbol, unknown>)[EFFECTS_KEY] = Object.freeze({ sleep, waitFor, spawn, join, cancel, part });
}
