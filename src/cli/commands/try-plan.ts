import { roundsForCorrectedTest } from '../../measure/corrected-rounds.ts';
import { threadSweep } from '../../measure/thread-sweep.ts';
import { WARM_UP_RULE, warmEnough } from '../../measure/warm-enough.ts';
import type { FunctionKind } from '../../runtime/user-function/call-user.ts';
import type { TrySubject } from '../../runtime/user-function/runner-protocol.ts';

/** Timed rounds of a full run: 7 as before, more when a setting chosen among many needs them to pass Holm's correction. */
export function tryRepeats(maxThreads: number, batches: readonly number[]): number {
  // The interleaved setting is counted in: it joins async and generator functions, unknown before loading.
  return Math.max(7, roundsForCorrectedTest(threadSweep(maxThreads).length * batches.length + 1));
}

/**
 * The settings, in the order of the first round: the plain loop, interleaving for functions that
 * can wait, every swept thread count × batch size on the shared pool, then the A/A twin, a
 * dedicated pool of the largest count below the top, one call a task (none when one thread is all).
 */
export function trySubjects(kind: FunctionKind, maxThreads: number, batches: readonly number[]): TrySubject[] {
  const sweep = threadSweep(maxThreads);
  const twin = sweep.length > 1 ? sweep[sweep.length - 2]! : undefined;
  return [
    { mode: 'baseline', threads: 1, batch: 1 },
    ...(kind === 'sync' ? [] : [{ mode: 'interleaved', threads: 1, batch: 1 } as const]),
    ...sweep.flatMap((threads) => batches.map((batch) => ({ mode: 'pool', threads, batch }) as const)),
    ...(twin === undefined ? [] : [{ mode: 'pool', threads: twin, batch: 1, dedicated: true } as const]),
  ];
}

/** Warm-up rounds at most: 10; under `--quick`, which must stay about as short as it was, the one round it always had. */
export const warmUpCap = (quick: boolean): number => (quick ? 1 : WARM_UP_RULE.cap);

/**
 * Warm when the loop's time stopped falling: the checked run of the loop (untimed, just before the
 * warm-ups) counts as the first point, then each warm-up round's loop.
 */
export function loopIsWarm(checkedLoopMs: number, warmUpLoopMs: readonly number[]): boolean {
  return warmEnough([checkedLoopMs, ...warmUpLoopMs], { ...WARM_UP_RULE, cap: Number.POSITIVE_INFINITY });
}

/** The pools to start: the shared one of the top count first, then the A/A twin's. */
export function poolsToStart(subjects: readonly TrySubject[], maxThreads: number): number[] {
  return [maxThreads, ...subjects.filter((s) => s.dedicated === true).map((s) => s.threads)];
}
