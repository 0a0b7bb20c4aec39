import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, chown, lstat, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileFault, OutputPathError, SaveError } from './file-fault.ts';
import { replaceFault } from './replace-check.ts';
import { makeDirectories } from './make-directories.ts';

/**
 * Writes the file under a temporary name beside it, then renames it into place: a reader
 * (or an interrupted run) never sees a half-written file. A file replaced keeps its mode; a
 * read-only one is refused (`OutputPathError`). A failure is a `SaveError` naming
 * the path and the cause ("no space left on the device"), with nothing left behind.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await writeFilesAsUnit([{ path, content }]);
}

/** One file to write: where, and what. */
export interface FileToWrite {
  readonly path: string;
  readonly content: string;
}

/**
 * Writes the files in order, each atomically, as one unit: when any write fails or `signal` is
 * aborted before the last one, the files already written (and directories made for them) are
 * removed again. Put the file that marks the unit complete last.
 */
export async function writeFilesAsUnit(files: readonly FileToWrite[], signal?: AbortSignal): Promise<void> {
  const written: string[] = [];
  const madeDirectories: string[] = [];
  try {
    for (const { path, content } of files) {
      signal?.throwIfAborted();
      madeDirectories.push(...(await inPlace(path, () => makeDirectories(dirname(path)))));
      const replaced = await lstat(path).catch(() => undefined);
      // Checked again as it is written: the file may have been made read-only since the check at the door.
      const readOnly = replaced?.isFile() === true ? await replaceFault(path, replaced) : undefined;
      if (readOnly !== undefined) throw new OutputPathError(`${path}: ${readOnly}`);
      const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, content, { flag: 'wx' });
        // A replaced file keeps its mode (a rename would otherwise give it the new file's 644).
        if (replaced?.isFile() === true) await keepOwnerAndMode(temporary, replaced);
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw new SaveError(`cannot write ${path}: ${fileFault(error)}`, { cause: error });
      }
      written.push(path);
    }
  } catch (error) {
    await Promise.all(written.map((p) => rm(p, { force: true })));
    for (const dir of madeDirectories.reverse()) await rmdir(dir).catch(() => undefined);
    throw error;
  }
}

/** The new file takes the replaced one's mode, and, where the lab may (as root), its owner. */
async function keepOwnerAndMode(path: string, replaced: Stats): Promise<void> {
  if (process.getuid?.() === 0) await chown(path, replaced.uid, replaced.gid);
  await chmod(path, replaced.mode & 0o7777);
}

async function inPlace<T>(path: string, make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (error) {
    throw new SaveError(`cannot create the directory of ${path}: ${fileFault(error)}`, { cause: error });
  }
}
