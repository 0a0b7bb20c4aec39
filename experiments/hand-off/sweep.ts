import { setTimeout as sleep } from 'node:timers/promises';
import { alternate, type Progress } from '../../src/measure/alternate.ts';
import type { OrderBalance } from '../../src/measure/balanced-order.ts';
import { cpuMsSince, cpuNow } from '../../src/runtime/cpu-time.ts';
import { sharedNow } from '../../src/scheduler/index.ts';
import { sizeWork } from './lab-ways.ts';
import type { Way, WayName } from './way.ts';

/** What the sweep measured of one way at one size: every timed run, in run order (a run's index is its round). */
export interface WaySeries {
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly number[];
  readonly mainCpuMs: readonly number[];
  /** Every run's task checksums equal the one-thread loop's of the same round, value by value. */
  readonly checksumOk: boolean;
}

/** One size, every way. */
export interface SweepSize {
  readonly unitsPerTask: number;
  readonly tasks: number;
  readonly ways: Readonly<Partial<Record<WayName, WaySeries>>>;
  readonly balance: OrderBalance;
}

export interface SweepOptions {
  readonly sizes: readonly number[];
  readonly tasks: number;
  readonly repeats: number;
  readonly warmups: number;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: Progress) => void;
}

/**
 * Ways × sizes × rounds: at each size, every way once per round in the balanced order (each way
 * follows every other equally often), `warmups` rounds discarded first. Each way is woken untimed
 * right before its run and rested right after (the spinning ring parks its workers), so that no way
 * meets cold threads and none burns a core under another's run. The first way is the baseline.
 */
export async function sweepWays(ways: readonly Way[], options: SweepOptions): Promise<SweepSize[]> {
  const sizes: SweepSize[] = [];
  for (const unitsPerTask of options.sizes) {
    const work = sizeWork(unitsPerTask, options.tasks);
    const runs = await alternate(
      ways,
      async (way) => {
        options.signal.throwIfAborted();
        await way.wake();
        try {
          return await way.run(work);
        } finally {
          way.rest?.();
        }
      },
      { repeats: options.repeats, warmups: options.warmups, onRound: (way, phase, repeat, of) => options.onProgress({ label: `${work.workload.name} ${way.name}`, phase, repeat, of }) },
    );
    const baseline = runs.get(ways[0]!)!;
    const series = Object.fromEntries(
      ways.map((way) => {
        const own = runs.get(way)!;
        const checksumOk = own.every((run, i) => run.checksums.length === options.tasks && run.checksums.every((c, t) => c === baseline[i]!.checksums[t]));
        return [way.name, { wallMs: own.map((r) => r.wallMs), cpuMs: own.map((r) => r.cpuMs), mainCpuMs: own.map((r) => r.mainCpuMs), checksumOk }];
      }),
    );
    sizes.push({ unitsPerTask, tasks: options.tasks, ways: series, balance: runs.balance });
  }
  return sizes;
}

/**
 * The CPU each way burns while idle, in cores (CPU seconds of the whole process per second of wall
 * time): woken as before a run, then left with nothing to do for `pauseMs` while the main thread
 * sleeps, `rounds` times. The spinning ring spins through it; every other way's threads sleep.
 */
export async function idleCores(ways: readonly Way[], pauseMs: number, rounds: number, signal: AbortSignal): Promise<Partial<Record<WayName, number[]>>> {
  const cores: Partial<Record<WayName, number[]>> = {};
  for (let round = 0; round < rounds; round++) {
    for (const way of ways) {
      signal.throwIfAborted();
      await way.wake();
      try {
        const cpu = cpuNow();
        const started = sharedNow();
        await sleep(pauseMs);
        (cores[way.name] ??= []).push(cpuMsSince(cpu) / (sharedNow() - started));
      } finally {
        way.rest?.();
      }
    }
  }
  return cores;
}
