import type { TryFigures } from '../../src/report/try-figures.ts';
import type { TrySubjectFigures } from '../../src/report/try-rows.ts';

/** A pool setting's median wall time, ms, by its threads and batch size. */
export type PoolMs = (threads: number, batch: number) => number;

/**
 * The measured subjects of a try of f.mjs's sync export on 2 cores: the baseline at 100 ms a run, then
 * a pool setting per thread count (1, 2) and batch size at `poolMs`; every run timed by `rounds`, and
 * every pool run's CPU 100 ms; `poolExtra` is added to every pool setting.
 */
export function syncTryOnTwoCores(rounds: (ms: number) => number[], poolMs: PoolMs, batches: readonly number[] = [1, 4], poolExtra: Partial<TrySubjectFigures> = {}): Pick<TryFigures, 'workload' | 'kind' | 'cores' | 'maxThreads' | 'subjects'> {
  const subjects: TrySubjectFigures[] = [{ mode: 'baseline', threads: 1, batch: 1, wallMs: rounds(100), cpuMs: rounds(100), checksumOk: true }];
  for (const threads of [1, 2]) for (const batch of batches) subjects.push({ mode: 'pool', threads, batch, wallMs: rounds(poolMs(threads, batch)), cpuMs: rounds(100), ...poolExtra, checksumOk: true });
  return { workload: 'f.mjs', kind: 'sync', cores: 2, maxThreads: 2, subjects };
}

/** What a try measured of its inputs, beside its subjects' timings. */
export type InputFigures = Pick<TryFigures, 'inputBytes' | 'resultBytes' | 'sendRoundTripsUs' | 'receiveRoundTripsUs' | 'emptyUs' | 'warmups'>;

/** Inputs that are all alike: each of the same size, with results of the same size, and every round trip of a kind taking the same time. */
export interface AlikeInputs {
  readonly inputs: number;
  readonly inputBytes: number;
  readonly resultBytes: number;
  /** Every round trip, µs: carrying an input, carrying a result back, and carrying neither. */
  readonly sendUs: number;
  readonly receiveUs: number;
  readonly emptyUs: number;
  /** Warm-up rounds until warm (not a fixed count). */
  readonly warmupRounds: number;
}

/** The input figures of `alike`, three round trips timed of each kind, as a try times them. */
export function alikeInputs(alike: AlikeInputs): InputFigures {
  const threeOf = (us: number): number[] => [us, us, us];
  return {
    inputBytes: new Array(alike.inputs).fill(alike.inputBytes),
    resultBytes: new Array(alike.inputs).fill(alike.resultBytes),
    sendRoundTripsUs: Array.from({ length: alike.inputs }, () => threeOf(alike.sendUs)),
    receiveRoundTripsUs: Array.from({ length: alike.inputs }, () => threeOf(alike.receiveUs)),
    emptyUs: threeOf(alike.emptyUs),
    warmups: { rounds: alike.warmupRounds, fixed: false },
  };
}

/** Eight inputs of 20 bytes with results of 10, every round trip (empty, sending, receiving) 40 µs, three warm-up rounds until warm. */
export function eightSmallInputs(): InputFigures {
  return alikeInputs({ inputs: 8, inputBytes: 20, resultBytes: 10, sendUs: 40, receiveUs: 40, emptyUs: 40, warmupRounds: 3 });
}
