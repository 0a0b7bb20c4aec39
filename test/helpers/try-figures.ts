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

/** Eight inputs of 20 bytes with results of 10, every round trip (empty, sending, receiving) 40 µs, three warm-up rounds until warm. */
export function eightSmallInputs(): Pick<TryFigures, 'inputBytes' | 'resultBytes' | 'sendRoundTripsUs' | 'receiveRoundTripsUs' | 'emptyUs' | 'warmups'> {
  return {
    inputBytes: new Array(8).fill(20),
    resultBytes: new Array(8).fill(10),
    sendRoundTripsUs: Array.from({ length: 8 }, () => [40, 40, 40]),
    receiveRoundTripsUs: Array.from({ length: 8 }, () => [40, 40, 40]),
    emptyUs: [40, 40, 40],
    warmups: { rounds: 3, fixed: false },
  };
}
