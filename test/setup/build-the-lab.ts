import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Once per test run, before any test: compiles the lab to dist/ when a source is newer than the last
 * build, so that the threads and processes the tests start, and the spawned CLI, run the code being
 * tested, never a stale build (the config points LAB_COMPILED_ROOT at dist/). An up-to-date build is
 * kept, so that a second test run at the same time does not swap it under the first.
 */
export default function buildTheLab(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
}
