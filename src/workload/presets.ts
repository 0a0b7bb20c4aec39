import { createRandom } from './random.ts';
import type { PartSpec, WorkloadSpec } from './spec.ts';

export interface CpuBoundOptions {
  readonly tasks: number;
  readonly unitsPerTask: number;
  readonly sliceUnits?: number;
}

/** Equal tasks of pure CPU work: parallelism divides it, interleaving cannot. */
export function cpuBoundWorkload({ tasks, unitsPerTask, sliceUnits }: CpuBoundOptions): WorkloadSpec {
  return {
    name: 'cpu-bound',
    description: `${tasks} tasks of ${unitsPerTask} cpu units each`,
    tasks: Array.from({ length: tasks }, (_, i) => ({
      name: `cpu${i + 1}`,
      parts: [sliceUnits === undefined ? { kind: 'cpu', units: unitsPerTask } : { kind: 'cpu', units: unitsPerTask, sliceUnits }],
    })),
  };
}

export interface WaitBoundOptions {
  readonly tasks: number;
  readonly waitsPerTask: number;
  readonly minWaitMs: number;
  readonly maxWaitMs: number;
  /** Small cpu work after each wait, like handling a response. @default REPLY_UNITS */
  readonly unitsPerReply?: number;
  readonly seed: number;
}

/** Kernel units of a reply's handling where the options do not say: small beside the waits. */
export const REPLY_UNITS = 10;

/** Tasks that mostly wait on timers (simulated I/O) of seeded random lengths: interleaving overlaps them. */
export function waitBoundWorkload(options: WaitBoundOptions): WorkloadSpec {
  const random = createRandom(options.seed);
  const unitsPerReply = options.unitsPerReply ?? REPLY_UNITS;
  return {
    name: 'wait-bound',
    description: `${options.tasks} tasks x ${options.waitsPerTask} waits of ${options.minWaitMs}-${options.maxWaitMs} ms (seed ${options.seed})`,
    tasks: Array.from({ length: options.tasks }, (_, i) => ({
      name: `io${i + 1}`,
      parts: Array.from({ length: options.waitsPerTask }, (): PartSpec[] => [
        { kind: 'wait', ms: random.int(options.minWaitMs, options.maxWaitMs) },
        { kind: 'cpu', units: unitsPerReply },
      ]).flat(),
    })),
  };
}

/** Sum of the waits (timers and blocking) of each task, by task name. */
export function waitTotals(workload: WorkloadSpec): Map<string, number> {
  const byName = new Map(workload.tasks.map((t) => [t.name, t]));
  const total = (name: string): number =>
    byName.get(name)!.parts.reduce((sum, p) => sum + (p.kind === 'delegate' ? total(p.task) : p.kind === 'wait' || p.kind === 'block' ? p.ms : 0), 0);
  return new Map(workload.tasks.map((t) => [t.name, total(t.name)]));
}

export interface CpuAndWaitOptions {
  readonly tasks: number;
  /** Rounds per task: each is one cpu part then one wait. */
  readonly rounds: number;
  readonly unitsPerRound: number;
  readonly waitMs: number;
}

/**
 * Tasks that alternate CPU work and waits, like a request handler that computes, calls a
 * service and computes again: interleaving overlaps the waits, threads overlap the work,
 * and only both at once (hybrid) overlap both.
 */
export function cpuAndWaitWorkload({ tasks, rounds, unitsPerRound, waitMs }: CpuAndWaitOptions): WorkloadSpec {
  return {
    name: 'cpu-and-wait',
    description: `${tasks} tasks x ${rounds} rounds of ${unitsPerRound} cpu units then a ${waitMs} ms wait`,
    tasks: Array.from({ length: tasks }, (_, i) => ({
      name: `req${i + 1}`,
      parts: Array.from({ length: rounds }, (): PartSpec[] => [
        { kind: 'cpu', units: unitsPerRound },
        { kind: 'wait', ms: waitMs },
      ]).flat(),
    })),
  };
}

export interface SplitWorkOptions {
  /** The same total in every split, so that only the size of a task changes. */
  readonly totalUnits: number;
  readonly unitsPerTask: number;
}

/** A fixed amount of CPU work cut into equal tasks of `unitsPerTask` (the last one takes the remainder). */
export function splitWorkWorkload({ totalUnits, unitsPerTask }: SplitWorkOptions): WorkloadSpec {
  const tasks = Math.ceil(totalUnits / unitsPerTask);
  return {
    name: `split-${unitsPerTask}`,
    description: `${totalUnits} cpu units in ${tasks} tasks of ${unitsPerTask}`,
    tasks: Array.from({ length: tasks }, (_, i) => ({
      name: `piece${i + 1}`,
      parts: [{ kind: 'cpu', units: Math.min(unitsPerTask, totalUnits - i * unitsPerTask) }],
    })),
  };
}
