import type { TaskHandle } from './task.ts';

/** What a task may yield: nothing (let others run) or an effect. */
export type Yielded = Effect<unknown> | undefined | void;

/** A task is a generator: its parts are the code between two `yield`s. */
export type Task<T = unknown> = Generator<Yielded, T, unknown>;

/**
 * An instruction a task yields to the scheduler. `yield effect` works; `yield* effect`
 * does the same and also types the value the task is resumed with.
 */
export abstract class Effect<T> {
  abstract readonly kind: EffectKind;

  *[Symbol.iterator](): Generator<Effect<T>, T, unknown> {
    return (yield this) as T;
  }
}

export type EffectKind = 'sleep' | 'wait' | 'spawn' | 'join' | 'cancel' | 'part';

/** Park the task for `ms` milliseconds on the scheduler's timer heap; others run meanwhile. */
export class SleepEffect extends Effect<void> {
  readonly kind = 'sleep';
  constructor(readonly ms: number) {
    super();
  }
}

/** Park the task until the promise settles: resumes with its value, or its rejection is thrown in. */
export class WaitEffect<T> extends Effect<T> {
  readonly kind = 'wait';
  constructor(readonly promise: PromiseLike<T>) {
    super();
  }
}

/** Start another task; resumes at once with its handle. */
export class SpawnEffect<T> extends Effect<TaskHandle<T>> {
  readonly kind = 'spawn';
  constructor(
    readonly name: string,
    readonly task: Task<T>,
  ) {
    super();
  }
}

/** Park until the task ends: resumes with its return value, or throws its error / a CancelledError. */
export class JoinEffect<T> extends Effect<T> {
  readonly kind = 'join';
  constructor(readonly handle: TaskHandle<T>) {
    super();
  }
}

/** End a task through `generator.return()`, so its `finally` blocks run; resumes at once. */
export class CancelEffect extends Effect<void> {
  readonly kind = 'cancel';
  constructor(readonly handle: TaskHandle<unknown>) {
    super();
  }
}

/** Name the part the task is entering; the trace labels the following steps with it. Resumes at once. */
export class PartEffect extends Effect<void> {
  readonly kind = 'part';
  constructor(readonly label: string) {
    super();
  }
}

export type AnyEffect = SleepEffect | WaitEffect<unknown> | SpawnEffect<unknown> | JoinEffect<unknown> | CancelEffect | PartEffect;

export const sleep = (ms: number): SleepEffect => new SleepEffect(ms);
export const waitFor = <T>(promise: PromiseLike<T>): WaitEffect<T> => new WaitEffect(promise);
export const spawn = <T>(name: string, task: Task<T>): SpawnEffect<T> => new SpawnEffect(name, task);
export const join = <T>(handle: TaskHandle<T>): JoinEffect<T> => new JoinEffect(handle);
export const cancel = (handle: TaskHandle<unknown>): CancelEffect => new CancelEffect(handle);
export const part = (label: string): PartEffect => new PartEffect(label);
