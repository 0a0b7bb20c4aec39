import type { CancelledError, TaskFailedError } from './errors.ts';

/** How a task ended. */
export type Outcome<T> =
  | { readonly state: 'done'; readonly value: T }
  | { readonly state: 'failed'; readonly error: TaskFailedError }
  | { readonly state: 'cancelled'; readonly error: CancelledError };

/** A running or ended task, as seen from outside it. `T` is its return type. */
export interface TaskHandle<T> {
  readonly id: number;
  readonly name: string;
  /** `undefined` while the task has not ended. */
  readonly outcome: Outcome<T> | undefined;
  /** Phantom member so handles of different result types do not mix. */
  readonly __result?: T;
}
