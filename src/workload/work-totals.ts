import type { TaskSpec } from './spec.ts';

/**
 * How much work a workload may ask for, in all, after delegation. The defaults let a
 * 1,000,000-task workload of ten parts each through; units get a limit of their own, sized at
 * hours of kernel work on one core (about 85,000 units a second on the 2-core machines).
 * `--max-work N` multiplies all three: one family of limits, one flag.
 */
export const defaultWorkLimits = { maxTasks: 1_000_000, maxTotalParts: 10_000_000, maxTotalUnits: 1_000_000_000 } as const;

/** The work limits in force: the defaults times `--max-work`. */
export interface WorkLimits {
  readonly maxTasks: number;
  readonly maxTotalParts: number;
  readonly maxTotalUnits: number;
}

/** Work limits multiplied by `factor` (`--max-work`). */
export function workLimits(factor = 1): WorkLimits {
  return {
    maxTasks: defaultWorkLimits.maxTasks * factor,
    maxTotalParts: defaultWorkLimits.maxTotalParts * factor,
    maxTotalUnits: defaultWorkLimits.maxTotalUnits * factor,
  };
}

/** What running every task of a workload does in all: parts (steps) and cpu units, delegation expanded. */
export interface WorkTotals {
  readonly parts: number;
  readonly units: number;
}

/** A task that delegates, transitively, to itself: the names along the cycle. */
export class DelegationCycle {
  constructor(readonly path: readonly string[]) {}
}

/**
 * Totals of every task run once, with delegated parts counted each time they run, computed without
 * recursion (a depth-first walk with its own stack), so 2^39 parts or a 100,000-deep chain are just
 * numbers. Totals beyond 2^53 lose precision, not order. Every delegate must name a task of `byName`.
 */
export function workTotals(tasks: readonly TaskSpec[], byName: ReadonlyMap<string, TaskSpec>): WorkTotals | DelegationCycle {
  const done = new Map<string, WorkTotals>();
  const onPath = new Set<string>();
  for (const root of tasks) {
    if (done.has(root.name)) continue;
    const stack: { task: TaskSpec; next: number; parts: number; units: number }[] = [{ task: root, next: 0, parts: 0, units: 0 }];
    onPath.add(root.name);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const part = frame.task.parts[frame.next++];
      if (part === undefined) {
        stack.pop();
        onPath.delete(frame.task.name);
        done.set(frame.task.name, { parts: frame.parts, units: frame.units });
        const parent = stack[stack.length - 1];
        if (parent !== undefined) {
          parent.parts += frame.parts;
          parent.units += frame.units;
        }
      } else if (part.kind !== 'delegate') {
        frame.parts += 1;
        if (part.kind === 'cpu') frame.units += part.units;
      } else if (onPath.has(part.task)) {
        const names = stack.map((f) => f.task.name);
        return new DelegationCycle([...names.slice(names.indexOf(part.task)), part.task]);
      } else {
        const known = done.get(part.task);
        if (known !== undefined) {
          frame.parts += known.parts;
          frame.units += known.units;
        } else {
          stack.push({ task: byName.get(part.task)!, next: 0, parts: 0, units: 0 });
          onPath.add(part.task);
        }
      }
    }
  }
  let parts = 0;
  let units = 0;
  for (const task of tasks) {
    parts += done.get(task.name)!.parts;
    units += done.get(task.name)!.units;
  }
  return { parts, units };
}
