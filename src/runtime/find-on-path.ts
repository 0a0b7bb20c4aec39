import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The first of `binaries` that an executable file on PATH has as its name, directory by directory, or undefined. */
export function findOnPath(binaries: readonly string[], path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    for (const binary of binaries) {
      const candidate = join(dir, binary);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not in this directory
      }
    }
  }
  return undefined;
}
