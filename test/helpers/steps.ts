import type { Task } from '../../src/scheduler/index.ts';

/** A task that logs `name1`, `name2`, ... and yields after each, `count` times; returns its name. */
export function* steps(log: string[], name: string, count: number): Task<string> {
  for (let i = 1; i <= count; i++) {
    log.push(`${name}${i}`);
    yield;
  }
  return name;
}
