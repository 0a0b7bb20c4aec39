import type { BreakEvenMargin, NoBreakEven } from '../measure/break-even.ts';
import type { PostMessageFloor } from '../measure/post-message-floor.ts';
import type { TrySubjectFigures } from './try-rows.ts';

/** Everything `try` measured, as its analysis reads it. */
export interface TryFigures {
  readonly workload: string;
  readonly kind: 'sync' | 'async' | 'generator';
  readonly cores: number;
  readonly maxThreads: number;
  readonly subjects: readonly TrySubjectFigures[];
  /** Per input: its calls' times in the timed baseline runs, ms. */
  readonly callMs: readonly (readonly number[])[];
  readonly inputBytes: readonly number[];
  readonly resultBytes: readonly number[];
  /** Per input, µs: round trips sending it to a worker and receiving its result, the empty call included. */
  readonly sendRoundTripsUs: readonly (readonly number[])[];
  readonly receiveRoundTripsUs: readonly (readonly number[])[];
  /** Empty-call round trips on the pool of `maxThreads`, µs. */
  readonly emptyUs: readonly number[];
  /** Warm-up rounds run, and whether `--warmups` fixed their number (else: until the loop stopped getting faster). */
  readonly warmups: { readonly rounds: number; readonly fixed: boolean; readonly quick?: boolean };
  /** The whole measurement, from starting the function's process to the last transfer timed, ms. */
  readonly runMs: number;
  /** A bare postMessage round trip, measured after the settings' rounds; absent when it was not measured (`postMessageFloorSkipped` says why). */
  readonly postMessageFloor?: PostMessageFloor;
  readonly postMessageFloorSkipped?: string;
}

/** The postMessage floor beside the best pool setting, all measured in the same run; null where either is missing. */
export type TryFloorFacts = {
  /** One round trip of an empty message to a bare worker, one in flight, µs: the median of the batches, with its interval. */
  readonly postMessageFloorUs: number | null;
  readonly postMessageFloorLowUs: number | null;
  readonly postMessageFloorHighUs: number | null;
  /** The fastest pool setting's thread time per task beyond the loop's: (its median × threads used − the loop's median) / its tasks, µs. */
  readonly bestPoolOverheadUs: number | null;
  /** `bestPoolOverheadUs` / `postMessageFloorUs`. */
  readonly bestPoolOverFloor: number | null;
};

export type TryFacts = TryFloorFacts & {
  readonly bestMode: 'baseline' | 'interleaved' | 'pool';
  readonly bestSpeedup: number;
  /** Threads the best setting used; 0 when the baseline or interleaving wins. */
  readonly bestThreads: number;
  /** 0 when the baseline or interleaving wins. */
  readonly bestBatch: number;
  /** (empty call + transfer) × usable / (usable − workerSlowdown); null when threads cannot pay (`noBreakEven` says why). */
  readonly breakEvenUs: number | null;
  readonly noBreakEven: NoBreakEven | null;
  /** Where the call sits: outside ±25% of the break-even "well below"/"well above", else "near"; null without one. */
  readonly breakEvenMargin: BreakEvenMargin | null;
  readonly emptyCallUs: number;
  readonly callUs: number;
  /**
   * The function's own time inside busy workers against the plain loop's, round by round: the calls' time
   * summed in the pool run at the usable threads (the largest batch that gives every thread a task), over
   * the loop's in the same round; the median over the rounds (1.4 = 40% slower; 1 when none was measured).
   */
  readonly workerSlowdown: number;
  /** Sending an input and receiving its result beyond the empty call: the two medians over the inputs, added. */
  readonly transferUs: number;
  readonly sendUs: number;
  readonly receiveUs: number;
  /** Structured-clone bytes, medians over the inputs rounded to whole bytes. */
  readonly inputBytes: number;
  readonly resultBytes: number;
  readonly cores: number;
  /** The smallest batch measurably faster than one call per task at the best pool's threads (Holm over the batch sizes); null when none is. */
  readonly batchPaysFrom: number | null;
  readonly warmupRounds: number;
  /** The whole run in loops over the inputs: its wall time / the plain loop's median. */
  readonly runLoops: number;
  /** The whole run, ms: from starting the function's process to the last call timed. */
  readonly runMs: number;
  /** The A/A row: a dedicated t-thread pool's median time over the shared pool's held to t tasks (1 = the same), or null without it. */
  readonly aaRatio: number | null;
};
