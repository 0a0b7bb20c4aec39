import { execFileSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

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
