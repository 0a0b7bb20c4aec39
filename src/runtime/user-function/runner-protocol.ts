import type { FunctionKind } from './call-user.ts';
import type { TryLimits } from './input-limits.ts';

/** What one measured run of `try` runs: the baseline loop, the interleaved calls, or a pool of `threads` with `batch` calls a task. */
export interface TrySubject {
  readonly mode: 'baseline' | 'interleaved' | 'pool';
  /** 1 for the one-thread modes. */
  readonly threads: number;
  /** Calls per task; 1 for the one-thread modes. */
  readonly batch: number;
  /** A pool of exactly `threads` threads, the A/A twin; other pool subjects share the pool of the top count, `threads` tasks in flight at most. */
  readonly dedicated?: true;
}

/** The parent's requests to the child process that holds the user's function. */
export type RunnerRequest =
  | { readonly type: 'load'; readonly file: string; readonly inputs?: readonly unknown[]; readonly limits: TryLimits }
  | { readonly type: 'checks' }
  /** The shared pool of the top count, then any dedicated pools (each keyed by its thread count). */
  | { readonly type: 'pools'; readonly threads: readonly number[] }
  | { readonly type: 'run'; readonly subject: TrySubject; readonly check: boolean; readonly timeoutMs: number }
  | { readonly type: 'costs'; readonly threads: number; readonly repeats: number };

/** One measured run in the child: wall and CPU time (every thread of the child), and what the run was asked for. */
export interface RanReply {
  readonly type: 'ran';
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Baseline only: each call's time, in input order. */
  readonly callMs?: readonly number[];
  /** Pool only: the calls' time inside the workers, summed over the tasks, ms. */
  readonly workerCallMs?: number;
  /** Checked runs only: each result's hash, made in the thread that produced it. */
  readonly hashes?: readonly string[];
}

/** What moving data to and from a worker costs, measured apart from the calls. */
export interface CostsReply {
  readonly type: 'costs';
  /** Round trips of an empty call, µs, one at a time, after five untimed ones. */
  readonly emptyUs: readonly number[];
  /** Per input: round trips sending the input (answered with nothing), µs. */
  readonly sendUs: readonly (readonly number[])[];
  /** Per input: round trips receiving its result (asked for with nothing), µs. */
  readonly receiveUs: readonly (readonly number[])[];
}

/** The child's replies, one per request. */
export type RunnerReply =
  | { readonly type: 'loaded'; readonly kind: FunctionKind; readonly inputs: number; readonly inputBytes: readonly number[] }
  | ReferenceReply
  | { readonly type: 'ready' }
  | RanReply
  | CostsReply
  | { readonly type: 'fault'; readonly fault: 'module' | 'run'; readonly message: string; readonly stray?: true };

/** Every input called once, in order, on the child's main thread: the reference results every mode must match. */
export interface ReferenceReply {
  readonly type: 'checked';
  /** Per input: its result's hash. */
  readonly hashes: readonly string[];
  /** True when a plain function returned a promise: it is measured as async. */
  readonly returnedPromise: boolean;
  readonly resultBytes: readonly number[];
  readonly callMs: readonly number[];
}

/** A label for a subject in messages and tables: "pool (2 threads, batch 16)". */
export function subjectLabel(subject: TrySubject): string {
  if (subject.mode !== 'pool') return subject.mode;
  return `pool${subject.dedicated === true ? ' of its own' : ''} (${subject.threads} thread${subject.threads === 1 ? '' : 's'}, batch ${subject.batch})`;
}
