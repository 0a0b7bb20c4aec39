/** The prefix of a test file's own temporary directory: its worker's pid, so that a sweep can tell whose it is. */
export const testTempPrefix = (pid: number): string => `lab-test-${pid}-`;

/** The pid that made a test file's temporary directory named `entry`, or undefined for any other entry. */
export function testTempOwner(entry: string): number | undefined {
  const owner = /^lab-test-(\d+)-/.exec(entry)?.[1];
  return owner === undefined ? undefined : Number(owner);
}

/** True while the process exists (EPERM: it does, as another user's). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
