import { Scheduler, sharedNow, type Task } from '../scheduler/index.ts';

/** The ways one task can hand the thread to another, measured in the same process. */
export const switchKinds = ['scheduler', 'scheduler-traced', 'await', 'setImmediate'] as const;
export type SwitchKind = (typeof switchKinds)[number];

/**
 * Nanoseconds per switch when `tasks` tasks take turns for `switches` switches in all:
 * generators under the lab's round-robin scheduler (tracing off or on), async functions
 * hopping with `await`, or async functions hopping through `setImmediate`.
 */
export async function nsPerSwitch(kind: SwitchKind, tasks: number, switches: number): Promise<number> {
  const perTask = Math.max(1, Math.floor(switches / tasks));
  // Set-up is not switching: the scheduler, its tasks and its trace columns (sized for every
  // step, as a prepared run would size them) exist before the clock starts, as the async
  // functions' code does.
  const steps = (perTask + 1) * tasks;
  const scheduler = kind.startsWith('scheduler') ? new Scheduler({ policy: 'round-robin', trace: kind === 'scheduler-traced', traceCapacity: steps }) : undefined;
  for (let t = 0; t < tasks; t++) scheduler?.spawn(`t${t}`, yielder(perTask));
  const start = sharedNow();
  switch (kind) {
    case 'scheduler':
    case 'scheduler-traced':
      await scheduler!.run();
      break;
    // Stryker disable next-line all: the await kind's work shows only in the time it took, which no test may assert.
    case 'await':
      // Stryker disable next-line all: as above, the await kind's work shows only in the time it took.
      await Promise.all(Array.from({ length: tasks }, () => awaiter(perTask)));
      break;
    case 'setImmediate':
      await Promise.all(Array.from({ length: tasks }, () => immediateHopper(perTask)));
      break;
  }
  return ((sharedNow() - start) * 1e6) / (perTask * tasks);
}

function* yielder(n: number): Task<void> {
  for (let i = 0; i < n; i++) yield;
}

async function awaiter(n: number): Promise<void> {
  // Stryker disable next-line all: how many await hops ran shows only in the time they took, which no test may assert.
  for (let i = 0; i < n; i++) await undefined;
}

async function immediateHopper(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
