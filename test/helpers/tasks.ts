import { sleep, type Task } from '../../src/scheduler/index.ts';

/** A scheduler task that sleeps `ms` on the scheduler's timers, then logs "`name` woke". */
export function* sleeper(log: string[], name: string, ms: number): Task<void> {
  yield sleep(ms);
  log.push(`${name} woke`);
}

/**
 * A task that sleeps `ms` (then logs "`name` woke") and, however it ends (cancelled, most often), runs
 * a cleanup that first sleeps `cleanupMs` when given, then logs "`name` cleaned up".
 */
export function* sleepsWithCleanup(log: string[], name: string, ms: number, cleanupMs?: number): Task<void> {
  try {
    yield sleep(ms);
    log.push(`${name} woke`);
  } finally {
    if (cleanupMs !== undefined) yield sleep(cleanupMs);
    log.push(`${name} cleaned up`);
  }
}
