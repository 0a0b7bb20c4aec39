import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The prefix of a test file's own temporary directory: its worker's pid, so that a sweep can tell whose it is. */
export const testTempPrefix = (pid: number): string => `lab-test-${pid}-`;

/** The pid that made a test file's temporary directory named `entry`, or undefined for any other entry. */
export function testTempOwner(entry: string): number | undefined {
  const owner = /^lab-test-(\d+)-/.exec(entry)?.[1];
  return owner === undefined ? undefined : Number(owner);
}

/**
 * Removes each test file's temporary directory in `machineTmp` whose owner is `done`; returns the
 * owners of those it left.
 */
export function removeTestTempDirs(machineTmp: string, done: (owner: number) => boolean): number[] {
  const left: number[] = [];
  for (const entry of readdirSync(machineTmp)) {
    const owner = testTempOwner(entry);
    if (owner === undefined) continue;
    if (done(owner)) rmSync(join(machineTmp, entry), { recursive: true, force: true });
    else left.push(owner);
  }
  return left;
}
