import { sleep, type Task } from '../../src/scheduler/index.ts';

/** A scheduler task that sleeps `ms` on the scheduler's timers, then logs "`name` woke". */
export function* sleeper(log: string[], name: string, ms: number): Task<void> {
  yield sleep(ms);
  log.push(`${name} woke`);
}
