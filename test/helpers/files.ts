import { execFileSync } from 'node:child_process';
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
