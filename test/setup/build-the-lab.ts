import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Once per test run, before any test: compiles the lab to dist/ from the sources under test, so that
 * the threads and processes they start, and the spawned CLI, run the code being tested, never a stale
 * build (the config points LAB_COMPILED_ROOT at dist/).
 */
export default function buildTheLab(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
}
