import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';

/**
 * Why the regular file `info` at `path` must not be replaced, or undefined when it may be: a file with
 * no write bit, or one `access()` says this user cannot write. Write-then-rename needs only the
 * directory's write permission, so without this check a read-only file would be silently replaced
 * (root passes `access()`, hence the mode bits too).
 */
export async function replaceFault(path: string, info: Stats): Promise<string | undefined> {
  const mode = (info.mode & 0o777).toString(8).padStart(3, '0');
  if ((info.mode & 0o222) === 0) return `is read-only (mode ${mode}); the lab does not replace a file that has no write permission: make it writable or give another path`;
  try {
    await access(path, constants.W_OK);
  } catch {
    return `cannot be written by this user (mode ${mode}); the lab does not replace it: make it writable or give another path`;
  }
  return undefined;
}
