import { Scheduler, sharedNow, sleep, type Task } from '../scheduler/index.ts';

/** How much CPU the process burned while every task of a run was asleep. */
export interface IdleCpu {
  readonly wallMs: number;
  readonly cpuMs: number;
  /** cpuMs / wallMs. */
  readonly share: number;
}

/**
 * Runs `tasks` tasks that all sleep `ms` at once and reads the process CPU time around
 * the run. A scheduler that polled would burn a core; one that sleeps on Node's event loop
 * burns almost nothing.
 */
export async function idleCpu(tasks: number, ms: number): Promise<IdleCpu> {
  const scheduler = new Scheduler({ policy: 'round-robin' });
  for (let t = 0; t < tasks; t++) scheduler.spawn(`sleeper${t}`, sleeper(ms));
  const cpuBefore = process.cpuUsage();
  const start = sharedNow();
  await scheduler.run();
  const wallMs = sharedNow() - start;
  const used = process.cpuUsage(cpuBefore);
  const cpuMs = (used.user + used.system) / 1000;
  return { wallMs, cpuMs, share: cpuMs / wallMs };
}

function* sleeper(ms: number): Task<void> {
  yield sleep(ms);
}
