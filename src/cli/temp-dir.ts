import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors/usage-error.ts';
import { fileFault } from '../report/file-fault.ts';

/**
 * Checks the temporary directory at the door, and gives the command a directory of its own in it as
 * TMPDIR, removed when the process exits, however it leaves (but for SIGKILL): whatever the lab and
 * the processes it starts put there (a private Redis's socket, a user's function's files) goes with
 * it, even when the lab has to leave before its servers and workers stopped in order. A TMPDIR that
 * is a file, is missing or cannot be written is refused here with one line, before anything uses it.
 */
export function useOwnTempDir(): string {
  const base = tmpdir();
  const refuse = (why: string): never => {
    throw new UsageError(`the temporary directory ${base} (TMPDIR) ${why}; set TMPDIR to a directory you can write, or unset it to use /tmp`);
  };
  let dir = '';
  try {
    if (!statSync(base).isDirectory()) refuse('is not a directory');
    dir = mkdtempSync(join(base, 'lab-'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    refuse(`cannot be used: ${fileFault(error)}`);
  }
  process.env.TMPDIR = dir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
