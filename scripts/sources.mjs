// What the build reads, in one place for the build (its stale check) and the bundler (its entries).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `folder`, at any depth. */
export function* filesUnder(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) if (entry.isFile()) yield join(entry.parentPath, entry.name);
}

/** A TypeScript source the compiler builds (tests are left out by tsconfig.build.json). */
export function isCompiledSource(file) {
  return file.endsWith('.ts') && !file.endsWith('.test.ts');
}
