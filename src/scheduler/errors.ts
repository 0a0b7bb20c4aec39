import { LabError } from '../errors/lab-error.ts';

/** A task threw; carries the task's name, the part it was in, and the original error. */
export class TaskFailedError extends LabError {
  override name = 'TaskFailedError';
  constructor(
    readonly task: string,
    readonly part: string,
    override readonly cause: unknown,
  ) {
    // Stryker disable next-line ObjectLiteral: equivalent as {}; the `cause` field defines the property again after super() either way.
    super(`task "${task}" failed in part "${part}": ${describe(cause)}`, { cause });
  }
}

/** Thrown into whoever joins a task that was cancelled. */
export class CancelledError extends LabError {
  override name = 'CancelledError';
  constructor(
    readonly task: string,
    override readonly cause?: unknown,
  ) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ObjectLiteral: equivalent; the `cause` field defines the property again after super() either way.
    super(`task "${task}" was cancelled`, cause === undefined ? undefined : { cause });
  }
}

/** Every remaining task waits on another task: nothing can ever wake them. */
export class DeadlockError extends LabError {
  override name = 'DeadlockError';
  constructor(readonly tasks: readonly string[]) {
    super(`deadlock: tasks ${tasks.map((t) => `"${t}"`).join(', ')} wait on each other and nothing else can wake them`);
  }
}

/** A run ended by its time bound; names the tasks that had not finished. */
export class RunTimeoutError extends LabError {
  override name = 'RunTimeoutError';
  constructor(
    readonly timeoutMs: number,
    /** Tasks that had started and not finished (or, where that cannot be told apart, every unfinished task). */
    readonly running: readonly string[] = [],
    /** Tasks that never got to run. */
    readonly notStarted: readonly string[] = [],
    runningWords = 'still running',
  ) {
    const list = (words: string, names: readonly string[]): string => (names.length > 0 ? `; ${words}: ${names.join(', ')}` : '');
    super(`run exceeded its timeout of ${timeoutMs} ms${list(runningWords, running)}${list('not started', notStarted)}`);
  }
}

/** A task yielded something the scheduler does not understand. */
export class UnknownEffectError extends LabError {
  override name = 'UnknownEffectError';
  constructor(value: unknown) {
    super(`yielded ${describeValue(value)}; yield nothing or an effect (sleep, waitFor, spawn, join, cancel, part)`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object (${Object.keys(value as object).slice(0, 3).join(', ') || 'no keys'})`;
  return `${typeof value} ${String(value)}`;
}
