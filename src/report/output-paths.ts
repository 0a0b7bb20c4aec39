import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { statSync } from 'node:fs';
import { lstat, mkdir, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileFault, OutputPathError } from './file-fault.ts';
import { replaceFault } from './replace-check.ts';

/**
 * Checks, before any measuring, that `dir` can hold the lab's output: it is a directory or can be
 * created, inside a directory the lab can write to (a probe directory is made and removed there).
 * `flag` names the option in the message, e.g. "--out".
 */
export async function checkOutputDir(flag: string, dir: string): Promise<void> {
  const fault = await directoryFault(dir);
  if (fault !== undefined) throw new OutputPathError(`${flag} ${dir}: ${fault}; give a writable directory (it is created if missing)`);
}

/**
 * Checks, before any measuring, that `file` can be written by write-then-rename: it is a new path or
 * a regular file this user may write, in a writable directory. Anything else (a read-only file, a
 * directory, a symbolic link, a FIFO, a device, a socket) is refused rather than replaced or written through.
 */
export async function checkOutputFile(flag: string, file: string): Promise<void> {
  const info = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw new OutputPathError(`${flag} ${file}: cannot look at it (${fileFault(error)})`);
  });
  if (info !== undefined && !info.isFile()) {
    throw new OutputPathError(`${flag} ${file}: is ${kindOf(info)}; the lab only creates a new file or replaces a regular file`);
  }
  const readOnly = info === undefined ? undefined : await replaceFault(file, info);
  if (readOnly !== undefined) throw new OutputPathError(`${flag} ${file}: ${readOnly}`);
  const fault = await directoryFault(dirname(file));
  if (fault !== undefined) throw new OutputPathError(`${flag} ${file}: ${fault}; give a file in a writable directory`);
}

/** Why `dir` cannot hold new files, or undefined when it can. */
async function directoryFault(dir: string): Promise<string | undefined> {
  let existing = resolve(dir);
  let info: Stats | undefined;
  for (;;) {
    try {
      info = await stat(existing);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') return `${firstFileIn(existing)} is a file, not a directory`;
      if (code !== 'ENOENT') return `cannot look at ${existing} (${fileFault(error)})`;
      if ((await lstat(existing).catch(() => undefined))?.isSymbolicLink() === true) return `${existing} is a symbolic link to nothing`;
    }
    if (dirname(existing) === existing) return 'no directory of it exists';
    existing = dirname(existing);
  }
  if (!info.isDirectory()) return `${existing} is ${kindOf(info)}, not a directory`;
  const probe = join(existing, `.lab-write-check-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(probe);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it accepts no new entries' : fileFault(error);
    return `cannot create anything in ${existing} (${why})`;
  }
  await rmdir(probe).catch(() => undefined);
  return undefined;
}

/** "a directory", "a symbolic link", "a named pipe (FIFO)", ... for messages. */
export function kindOf(info: Stats): string {
  if (info.isFile()) return 'a regular file';
  if (info.isDirectory()) return 'a directory';
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The first component of `path` that exists and is not a directory (for ENOTDIR). */
function firstFileIn(path: string): string {
  const parts: string[] = [];
  for (let p = path; dirname(p) !== p; p = dirname(p)) parts.unshift(p);
  return parts.find((p) => isFileSync(p)) ?? path;
}

function isFileSync(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}
