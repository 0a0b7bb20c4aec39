import { execFileSync } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll } from 'vitest';

/** Every file under `dir`, relative and sorted; [] when `dir` is absent. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => !e.isDirectory()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

/** True when this process may mount file systems (root): tests of full and read-only disks need it. */
export const isRoot = process.getuid?.() === 0;

/** Mounts a tmpfs of `size` (e.g. "64k") at `dir`, read-only if asked; returns the unmount. */
export function mountTmpfs(dir: string, size: string, readOnly = false): () => void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `${readOnly ? 'ro,' : ''}size=${size}`, 'tmpfs', dir]);
  return () => execFileSync('umount', [dir]);
}

/** A temporary directory for the tests of this file, made before them: `.dir`, and `.out`, a `results` folder in it that the lab may create. */
export function tempDirForTests(prefix: string): { readonly dir: string; readonly out: string } {
  let made: string | undefined;
  beforeAll(async () => {
    made = await mkdtemp(join(tmpdir(), prefix));
  });
  const dir = (): string => {
    if (made === undefined) throw new Error('the temporary directory is made in beforeAll: read it inside a test');
    return made;
  };
  return {
    get dir(): string {
      return dir();
    },
    get out(): string {
      return join(dir(), 'results');
    },
  };
}

/** The memory file system Linux offers every user, and the room an install asks of it. */
const MEMORY_DIR = '/dev/shm';
const INSTALL_ROOM_BYTES = 1024 ** 3;

/**
 * A temporary directory for an npm install (190 MB in 311 packages): on the memory file system where
 * it has a gigabyte free, since written to a disk the install cost 2-6 s more of system CPU; else
 * under the temporary directory. Removed with the test file like any other (test/setup).
 */
export async function installDir(prefix: string): Promise<string> {
  let room = 0;
  try {
    const fs = statfsSync(MEMORY_DIR);
    room = fs.bavail * fs.bsize;
  } catch {
    // no such file system here
  }
  return mkdtemp(join(room >= INSTALL_ROOM_BYTES ? MEMORY_DIR : tmpdir(), prefix));
}
