/**
 * True while a process with this id exists: signal 0 only asks. EPERM means it exists as another
 * user's (a test may run the lab as the user nobody); only ESRCH means it is gone.
 */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
